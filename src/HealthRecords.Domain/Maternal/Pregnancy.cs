namespace HealthRecords.Domain.Maternal;

/// <summary>
/// The facts of one pregnancy that the 第1次产前随访服务记录表 (004 孕产妇 附件1) and the 孕产妇保健手册 share: 孕次,
/// 产次 with 阴道分娩 / 剖宫产, 末次月经 (or 不详) and 预产期. Entered once at registration; the first visit form shows them.
/// </summary>
public sealed record PregnancyFacts
{
    /// <summary>末次月经: the first day of the last period before this pregnancy (填表说明 5); null when 不详.</summary>
    public DateOnly? LastMenstrualPeriod { get; init; }
    /// <summary>预产期 as recorded: by default <see cref="PregnancyDating.ByFormRule"/> from the LMP (填表说明 6: 可按照末次月经
    /// 推算); when the LMP is 不详 it must be written (e.g. from an ultrasound) and then dates the pregnancy.</summary>
    public DateOnly? ExpectedDelivery { get; init; }
    /// <summary>孕次: pregnancies including this one (填表说明 3).</summary>
    public int? Gravidity { get; init; }
    /// <summary>产次: deliveries after more than 28 weeks before this pregnancy (填表说明 4).</summary>
    public int? Parity { get; init; }
    /// <summary>阴道分娩 _____ 次.</summary>
    public int? VaginalDeliveries { get; init; }
    /// <summary>剖宫产 _____ 次.</summary>
    public int? Caesareans { get; init; }

    public PregnancyDating Dating => new(LastMenstrualPeriod, ExpectedDelivery);
}

/// <summary>How the episode was opened.</summary>
public enum EpisodeOpening
{
    /// <summary>建册: registered during pregnancy (004 孕产妇 二(一)1).</summary>
    [Label("孕期建册")] Registration = 1,

    /// <summary>First known from the delivery information the hospital sends (二(四)): never registered while pregnant,
    /// still owed the postpartum visit and the 42-day check; counts as not registered early.</summary>
    [Label("产后接收分娩信息")] DeliveryNotice = 2,
}

/// <summary>
/// 孕产妇保健手册 (GLOSSARY `Pregnancy`): one pregnancy episode, from registration to the 42-day check's 结案 or another ending.
/// A woman has at most one open episode; earlier ones are kept.
/// </summary>
public sealed record Pregnancy
{
    /// <summary>建册日期.</summary>
    public DateOnly RegisteredOn { get; init; }
    public EpisodeOpening Opening { get; init; } = EpisodeOpening.Registration;
    public PregnancyFacts Facts { get; init; } = new();
    /// <summary>建册机构 (name as written), if recorded.</summary>
    public string? Institution { get; init; }
}

/// <summary>The stage of an episode, for pages and the schedule.</summary>
public enum PregnancyStage
{
    [Label("孕期")] Pregnant = 1,
    [Label("产后")] Postpartum = 2,
    [Label("已结束")] Ended = 3,
}

/// <summary>
/// How an episode ends, always dated. Numbers are ours (004 has no table): 1 is the normal end after the 42-day check
/// (附件4 处理 1 结案); the others end it early and close its open work-list items. A delivery is not an ending: it
/// starts the postpartum period (二(四)); a stillbirth is a delivery, with its outcome on the delivery information.
/// An infant's death ends the baby's newborn follow-up (<see cref="InfantDeath"/>), not the mother's episode.
/// </summary>
public enum EpisodeEndReason
{
    [Label("结案")] Closed = 1,
    [Label("自然流产")] Miscarriage = 2,
    [Label("人工终止妊娠")] Termination = 3,
    [Label("迁出")] MovedAway = 4,
    [Label("孕产妇死亡")] MaternalDeath = 5,
}

/// <summary>An episode's ending: reason and date; moving away also names where to and the hand-over (as a record's
/// closure does, 001 四(三)).</summary>
public sealed record EpisodeEnding(EpisodeEndReason Reason, DateOnly? EndedOn, string? Destination = null, string? HandOver = null, string? Note = null);

/// <summary>A live-born baby's death, dated: ends the baby's newborn visit and referral items.</summary>
public sealed record InfantDeath(DateOnly? DiedOn, string? Cause = null);

/// <summary>An earlier or open episode of the same woman, as the registration check needs it.</summary>
/// <param name="RegisteredOn">Its 建册日期.</param>
/// <param name="EndedOn">The date of its ending, or null while open.</param>
/// <param name="PregnancyEndedOn">When that pregnancy itself ended (delivery, miscarriage, termination), if it did.</param>
public sealed record EarlierPregnancy(DateOnly RegisteredOn, DateOnly? EndedOn, DateOnly? PregnancyEndedOn);
