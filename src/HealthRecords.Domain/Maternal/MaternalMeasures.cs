using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// The 考核指标 of 004 孕产妇健康管理服务规范 五 and 新生儿访视率 of 0~6岁儿童健康管理服务规范 五(一) (defined here, once;
/// the children's service uses this definition). Every denominator is the live births of the period:
/// <list type="bullet">
/// <item>a live birth is a baby whose outcome is <see cref="BirthOutcome.LiveBirth"/> (<see cref="Births.IsLiveBirth"/>):
/// twins born alive are two live births; 死胎 and 死产 are none; a miscarriage or termination without a delivery is none;</item>
/// <item>it belongs to the period that holds its date of birth (the delivery date, <see cref="InPeriod"/>), and to the area
/// where the mother lives (her record's village), wherever she gave birth;</item>
/// <item>the three maternal numerators count women — a woman whose delivery in the period had at least one live birth and
/// who met the measure's condition in that pregnancy, however late the service itself (a postpartum visit in January for
/// a birth in December counts for December's period) — and 新生儿访视率's counts babies.</item>
/// </list>
/// So with twins the maternal rates can stay below 100 % (two live births, one woman), as the specification's formulas do.
/// </summary>
public static class MaternalMeasures
{
    public const string Service = "maternal";

    /// <summary>The service 新生儿访视率 is listed under: 0~6岁儿童健康管理.</summary>
    public const string ChildrenService = "children";

    /// <summary>Prenatal visits (the first and the 2nd–5th) a woman needs for 孕妇健康管理率.</summary>
    public const int PrenatalVisitsRequired = 5;

    /// <summary>Days after the delivery within which a postpartum visit counts (五(三): 产后28天内).</summary>
    public const int PostpartumVisitWithinDays = 28;

    private const string LiveBirths = "期内辖区内活产数（按出生日期计入期间，按母亲居住地计入辖区；双胎均为活产计2，死胎、死产不计）";

    /// <summary>004 孕产妇 五(一) 早孕建册率.</summary>
    public static readonly MeasureDefinition EarlyPregnancyRegistrationRate = new(
        "early-pregnancy-registration-rate", "早孕建册率", Service,
        "期内活产的产妇中，孕13周前（孕12周+6天及以前）建立孕产妇保健手册的人数",
        LiveBirths,
        "004 孕产妇健康管理服务规范 五(一)");

    /// <summary>004 孕产妇 五(二) 孕妇健康管理率.</summary>
    public static readonly MeasureDefinition PrenatalCareRate = new(
        "prenatal-care-rate", "孕妇健康管理率", Service,
        "期内活产的产妇中，孕期（分娩日及以前）接受5次及以上产前随访服务（第1次及第2~5次产前随访记录）的人数",
        LiveBirths,
        "004 孕产妇健康管理服务规范 五(二)");

    /// <summary>004 孕产妇 五(三) 产后访视率.</summary>
    public static readonly MeasureDefinition PostpartumVisitRate = new(
        "postpartum-visit-rate", "产后访视率", Service,
        "期内活产的产妇中，产后28天内（分娩日后第0~28天）接受过产后访视的人数",
        LiveBirths,
        "004 孕产妇健康管理服务规范 五(三)");

    /// <summary>004 0~6岁儿童健康管理服务规范 五(一) 新生儿访视率.</summary>
    public static readonly MeasureDefinition NewbornVisitRate = new(
        "newborn-visit-rate", "新生儿访视率", ChildrenService,
        "期内出生的活产新生儿中，新生儿期（出生后28天内）接受1次及以上新生儿家庭访视的人数",
        LiveBirths,
        "004 0~6岁儿童健康管理服务规范 五(一)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [EarlyPregnancyRegistrationRate, PrenatalCareRate, PostpartumVisitRate, NewbornVisitRate];

    /// <summary>A birth (or a delivery) belongs to the period that holds its date, both ends included.</summary>
    // 004 孕产妇 五: 该地该时间段内活产数; 0~6岁 五(一): 年度辖区内活产数
    public static bool InPeriod(DateOnly bornOn, DateOnly periodStart, DateOnly periodEnd) => bornOn >= periodStart && bornOn <= periodEnd;

    /// <summary>A woman counts in a maternal numerator's cohort when her delivery in the period had a live birth.</summary>
    public static bool InCohort(DeliveryInfo delivery, DateOnly periodStart, DateOnly periodEnd) =>
        Births.LiveBirths(delivery) > 0 && InPeriod(delivery.DeliveredOn, periodStart, periodEnd);

    /// <summary>Numerator of 早孕建册率: the pregnancy was registered before 13 weeks.</summary>
    // 004 孕产妇 五(一): 孕12周之前建册的人数 (PregnancyRules.IsEarlyRegistration)
    public static bool CountsForEarlyRegistration(Pregnancy episode) => PregnancyRules.IsEarlyRegistration(episode);

    /// <summary>Numerator of 孕妇健康管理率: 5 or more prenatal visits (first visit and 2nd–5th visits) on or before the
    /// delivery date. Extra visits in one window count: 二(三)3 asks for more visits for high-risk women.</summary>
    // 004 孕产妇 五(二): 孕期接受5次及以上产前随访服务的人数
    public static bool CountsForPrenatalCare(IEnumerable<DateOnly> prenatalVisitDates, DateOnly deliveredOn) =>
        prenatalVisitDates.Count(d => d <= deliveredOn) >= PrenatalVisitsRequired;

    /// <summary>Numerator of 产后访视率: a postpartum visit from the delivery day to 28 days after it.</summary>
    // 004 孕产妇 五(三): 产后28天内的接受过产后访视的产妇人数
    public static bool CountsForPostpartumVisit(IEnumerable<DateOnly> postpartumVisitDates, DateOnly deliveredOn) =>
        postpartumVisitDates.Any(d => d >= deliveredOn && d.DayNumber - deliveredOn.DayNumber <= PostpartumVisitWithinDays);

    /// <summary>Numerator of 新生儿访视率: a live-born baby with a newborn home visit within the neonatal period (28 days).</summary>
    // 0~6岁 五(一): 接受1次及以上访视的新生儿人数; a 新生儿 is a baby in its first 28 days
    public static bool CountsForNewbornVisit(IEnumerable<DateOnly> newbornVisitDates, DateOnly bornOn) =>
        newbornVisitDates.Any(d => d >= bornOn && d.DayNumber - bornOn.DayNumber <= NewbornRules.NeonatalDays);
}
