namespace HealthRecords.Domain.Maternal;

/// <summary>分娩地点. Not a 004 table (the delivery information is the hospital's notice, 004 孕产妇 二(四)); numbers ours.</summary>
public enum DeliveryPlace
{
    [Label("医院")] Hospital = 1,
    [Label("乡镇卫生院/社区卫生服务中心")] PrimaryCare = 2,
    [Label("家中")] Home = 3,
    [Label("途中")] OnTheWay = 4,
    [Label("其他")] Other = 9,
}

/// <summary>
/// 妊娠结局 of one baby. A live birth is a baby that showed any sign of life after birth (breathing, heartbeat, pulsation
/// of the cord or movement), however short its life and whatever the gestation (the WHO definition of a live birth, which
/// China's 妇幼卫生 statistics use); a baby that died in the first days is a live birth followed by a neonatal death. 死胎
/// died in the uterus before labour, 死产 during labour. Numbers are ours.
/// </summary>
public enum BirthOutcome
{
    [Label("活产")] LiveBirth = 1,
    [Label("死胎")] FetalDeath = 2,
    [Label("死产")] Stillbirth = 3,
}

/// <summary>
/// The delivery information the hospital sends (004 孕产妇 二(四): 收到分娩医院转来的产妇分娩信息): it starts the postpartum
/// clock, and each live birth gives the baby a record in the mother's household. The newborn visit form is filled from it
/// (<see cref="NewbornRules.Prefill"/>) so nothing is asked twice.
/// </summary>
public sealed record DeliveryInfo
{
    /// <summary>分娩日期.</summary>
    public DateOnly DeliveredOn { get; init; }
    /// <summary>The mother's discharge date (出院日期): the postpartum visit is due 3–7 days after it. Null for a birth at
    /// home or when the notice does not say; the clock then starts at the delivery.</summary>
    public DateOnly? DischargedOn { get; init; }
    /// <summary>分娩地点.</summary>
    public DeliveryPlace? Place { get; init; }
    /// <summary>助产机构名称 (the newborn form's field of the same name).</summary>
    public string? Institution { get; init; }
    /// <summary>分娩方式: the newborn form's 出生情况 table without 5 双多胎 (which follows from the number of babies).</summary>
    public BirthCircumstance? Mode { get; init; }
    /// <summary>The text of 7 其他.</summary>
    public string? ModeOther { get; init; }
    /// <summary>分娩孕周 (the newborn form's 出生孕周), whole weeks.</summary>
    public int? GestationWeeks { get; init; }
    /// <summary>The babies, one row each (twins: two).</summary>
    public IReadOnlyList<Baby> Babies { get; init; } = [];
    /// <summary>Date the information was received.</summary>
    public DateOnly? ReceivedOn { get; init; }
}

/// <summary>One baby of a delivery: outcome, sex, birth weight and length, and its own discharge date if it stayed on.</summary>
public sealed record Baby
{
    public BirthOutcome? Outcome { get; init; }
    public Sex? Sex { get; init; }
    /// <summary>出生体重 kg.</summary>
    public decimal? BirthWeightKg { get; init; }
    /// <summary>出生身长 cm.</summary>
    public decimal? BirthLengthCm { get; init; }
    /// <summary>The baby's discharge date when it left hospital after the mother (e.g. neonatal care); otherwise the mother's.</summary>
    public DateOnly? DischargedOn { get; init; }
    /// <summary>The name, if already given.</summary>
    public string? Name { get; init; }
}

/// <summary>What a delivery means for the measures and the babies' records.</summary>
public static class Births
{
    // 004 孕产妇 五 and 0~6岁 五(一): the denominators are 活产数; a live birth is LiveBirth (see BirthOutcome).
    public static bool IsLiveBirth(BirthOutcome? outcome) => outcome == BirthOutcome.LiveBirth;

    /// <summary>The number of live births of a delivery (twins both born alive: 2).</summary>
    public static int LiveBirths(DeliveryInfo delivery) => delivery.Babies.Count(b => IsLiveBirth(b.Outcome));

    /// <summary>The babies who get a health record and a newborn visit.</summary>
    public static IEnumerable<Baby> LiveBorn(DeliveryInfo delivery) => delivery.Babies.Where(b => IsLiveBirth(b.Outcome));

    /// <summary>The day the baby came home: its own discharge, else the mother's, else the delivery (a birth at home).</summary>
    // 0~6岁 二(一): 新生儿出院后1周内 … 家庭访视; 004 孕产妇 附件3 填表说明 1: 出院后3~7天
    public static DateOnly HomeFrom(DeliveryInfo delivery, Baby? baby = null) =>
        baby?.DischargedOn ?? delivery.DischargedOn ?? delivery.DeliveredOn;

    // 0~6岁 附件1 出生情况: the delivery's mode, and 5 双多胎 when more than one baby was born.
    public static IReadOnlyList<BirthCircumstance> Circumstances(DeliveryInfo delivery)
    {
        var list = new List<BirthCircumstance>();
        if (delivery.Mode is BirthCircumstance mode && mode != BirthCircumstance.Multiple)
        {
            list.Add(mode);
        }
        if (delivery.Babies.Count > 1)
        {
            list.Add(BirthCircumstance.Multiple);
        }
        return list;
    }
}
