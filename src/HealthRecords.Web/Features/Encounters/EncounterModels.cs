using HealthRecords.Domain.Encounters;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>A 接诊记录表 to save; <see cref="Version"/> is required when updating.</summary>
public sealed record EncounterInput(EncounterForm? Form, int? Version = null);

/// <summary>A 会诊记录表 to save; <see cref="Version"/> is required when updating.</summary>
public sealed record ConsultationInput(ConsultationForm? Form, int? Version = null);

/// <summary>A transfer-out (with its stub) to save, optionally made from an encounter.</summary>
public sealed record ReferralInput(ReferralOut? Form, long? EncounterId = null, int? Version = null);

/// <summary>The result of following up a referral and, when it came, the transfer-back slip. Closes the referral.</summary>
public sealed record ReferralResultInput(ReferralResult? Result, TransferBack? Back, int? Version);

public sealed record EncounterView(long Id, long RecordId, EncounterForm Form, string CreatedByName, DateTime UpdatedAtUtc, int Version, IReadOnlyList<long> ReferralIds);

public sealed record ConsultationView(long Id, long RecordId, ConsultationForm Form, string CreatedByName, DateTime UpdatedAtUtc, int Version);

public sealed record ReferralView(
    long Id, long RecordId, long? EncounterId, ReferralOut Form, ReferralResult? Result, TransferBack? Back,
    bool Open, DateOnly FollowUpDue, bool Overdue, string CreatedByName, DateTime UpdatedAtUtc, int Version);

/// <summary>One encounter, consultation or referral in a record's list of other medical services.</summary>
/// <param name="Kind">"encounter", "consultation" or "referral".</param>
public sealed record ServiceEntry(string Kind, long Id, DateOnly On, string Title, string Summary, bool? Open, DateOnly? FollowUpDue, bool Overdue);

/// <summary>An open referral on the institution's list.</summary>
public sealed record OpenReferral(
    long Id, long RecordId, string RecordNumber, string Name, DateOnly ReferredOn, string ToInstitution,
    DateOnly FollowUpDue, bool Overdue, string CreatedByName);

public static class ServiceKinds
{
    public const string Encounter = "encounter";
    public const string Consultation = "consultation";
    public const string Referral = "referral";
}
