namespace HealthRecords.Domain.Maternal;

/// <summary>
/// The home visit after childbirth: one trip, the mother's 产后访视记录表 and a 新生儿家庭访视记录表 for each baby at home
/// (004 孕产妇 二(四): 进行产后访视…同时进行新生儿访视; 附件3 填表说明 1: 产妇情况填写此表，新生儿情况填写“新生儿家庭访视表”).
/// What the forms share is entered once here — the date, the doctor and the home address — and written into every form by
/// <see cref="Forms"/>; each baby's form starts from <see cref="NewbornRules.Prefill"/>.
/// </summary>
public sealed record JointHomeVisit
{
    /// <summary>随访日期 / 本次访视日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
    /// <summary>家庭住址 (the newborn form's).</summary>
    public string? Address { get; init; }
    /// <summary>产后访视记录表; null when only the babies are seen (e.g. the mother is still in hospital).</summary>
    public PostpartumVisit? Mother { get; init; }
    /// <summary>新生儿家庭访视记录表, one per baby seen.</summary>
    public IReadOnlyList<NewbornVisit> Babies { get; init; } = [];

    /// <summary>The forms to save, each with the shared facts written in.</summary>
    public (PostpartumVisit? Mother, IReadOnlyList<NewbornVisit> Babies) Forms() => (
        Mother is null ? null : Mother with { VisitDate = VisitDate, Doctor = Doctor },
        [.. Babies.Select(b => b with { VisitDate = VisitDate, Doctor = Doctor, Address = Address ?? b.Address })]);
}
