namespace HealthRecords.Web.Data.Entities;

/// <summary>家庭: every record belongs to one. Rural households keep their living environment once.</summary>
public sealed class Household
{
    public long Id { get; set; }
    public required string TownshipCode { get; set; }
    public required string VillageCode { get; set; }
    public string? Address { get; set; }
    public long? HeadId { get; set; }
    public LivingEnvironment? LivingEnvironment { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
