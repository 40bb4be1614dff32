using HealthRecords.Domain.Maternal;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>A form as sent: the domain record, the doctor's reason for departing from the rules' advice, and on a change the version read.</summary>
public sealed record MaternalInput<T> where T : class
{
    public T? Form { get; init; }
    /// <summary>Why the doctor departs from the rules' suggestion (a referral advised and not made, an 异常 marked normal).</summary>
    public string? OverrideReason { get; init; }
    /// <summary>Required on a change: the version that was read; an older one gets 409.</summary>
    public int? Version { get; init; }
}

/// <summary>A pregnancy episode as read: its registration, dates, delivery, ending and forms.</summary>
public sealed record PregnancyView(
    long Id,
    long RecordId,
    DateOnly RegisteredOn,
    string Stage,
    bool EarlyRegistered,
    DateOnly? ExpectedDelivery,
    DateOnly? ExpectedDeliveryBy280Days,
    string? GestationalAgeToday,
    DateOnly? DeliveredOn,
    int LiveBirths,
    DateOnly? EndedOn,
    string? EndReason,
    int Version,
    Pregnancy Form,
    DeliveryInfo? Delivery,
    EpisodeEnding? Ending,
    IReadOnlyList<MaternalFormSummary> Forms,
    IReadOnlyList<BabyRecordView> Babies);

/// <summary>One form of an episode (or of a baby) in a list.</summary>
public sealed record MaternalFormSummary(long Id, string Kind, string Title, DateOnly VisitDate, string? GestationalAge, bool Referred, string CreatedBy);

/// <summary>A saved prenatal form with the rules' advice.</summary>
public sealed record PrenatalVisitView(
    long Id, long PregnancyId, long RecordId, int Round, DateOnly VisitDate, string? GestationalAge, bool Referred, bool UrgentReferral,
    string SuggestedClassification, string Referral, IReadOnlyList<string> Reasons, IReadOnlyList<string> DangerSigns,
    int Version, FirstPrenatalVisit? First, PrenatalVisit? Visit);

/// <summary>A saved 产后访视 or 产后42天健康检查 with the rules' advice.</summary>
public sealed record PostpartumView(
    long Id, long PregnancyId, long RecordId, string Kind, DateOnly VisitDate, bool Referred, string Referral,
    IReadOnlyList<string> Reasons, IReadOnlyList<string> DangerSigns, int Version, PostpartumVisit? Visit, Postpartum42DayCheck? Check42);

/// <summary>A saved 新生儿家庭访视 with the rules' advice.</summary>
public sealed record NewbornVisitView(
    long Id, long RecordId, DateOnly VisitDate, bool Referred, string Referral, IReadOnlyList<string> Reasons,
    IReadOnlyList<string> DangerSigns, IReadOnlyList<string> Reminders, bool NeedsExtraVisits, int Version, NewbornVisit Form);
