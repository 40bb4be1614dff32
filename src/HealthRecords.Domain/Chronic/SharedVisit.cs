namespace HealthRecords.Domain.Chronic;

/// <summary>
/// What a combined visit of a patient with both hypertension and diabetes enters once and writes into both
/// follow-up forms (001 六(九): 同一居民患多种疾病的，随访内容可合并).
/// </summary>
public sealed record SharedVisit
{
    public DateOnly VisitDate { get; init; }
    public VisitMode? VisitMode { get; init; }
    public Signs Signs { get; init; } = new();
    public Lifestyle Lifestyle { get; init; } = new();
    public DangerObservations Danger { get; init; } = new();
    public string? Doctor { get; init; }
}
