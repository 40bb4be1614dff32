using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Households;

public sealed record HouseholdDetail(
    long Id,
    string TownshipCode,
    string VillageCode,
    string VillageName,
    string? Address,
    long? HeadId,
    LivingEnvironment? LivingEnvironment,
    IReadOnlyList<HouseholdMember> Members,
    int Version);

public sealed record HouseholdInput(string? Address, long? HeadId, LivingEnvironment? LivingEnvironment, int Version);

/// <summary>Moves a member to an existing household, or to a new one when <see cref="ToHouseholdId"/> is empty.</summary>
public sealed record MoveMemberInput(long? ToHouseholdId, HouseholdRelation Relation, string? NewHouseholdAddress);
