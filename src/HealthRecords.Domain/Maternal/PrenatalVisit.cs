using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Maternal;

/// <summary>
/// One column of the 第2~5次产前随访服务记录表 (004 孕产妇健康管理服务规范 附件2): the visit of round 2, 3, 4* or 5*, every
/// field. 孕周 is computed from the pregnancy's dating, never typed. 指导 holds numbers of the round's own table
/// (<see cref="PrenatalRounds.GuidanceTable"/>: the columns number their options differently). <see cref="DangerSigns"/>
/// has no box on paper: it records what 004 二(二)3 asks (危急征象).
/// </summary>
public sealed record PrenatalVisit
{
    /// <summary>第 2 / 3 / 4* / 5* 次 (the column).</summary>
    public int Round { get; init; }
    /// <summary>随访日期.</summary>
    public DateOnly VisitDate { get; init; }
    /// <summary>孕周 (填表说明 1: 此次随访时的妊娠周数), computed.</summary>
    public GestationalAge? GestationalAge { get; init; }
    /// <summary>主诉 (填表说明 2: 孕妇自述的主要症状和不适).</summary>
    public string? Complaint { get; init; }
    /// <summary>体重 kg.</summary>
    public decimal? WeightKg { get; init; }
    /// <summary>产科检查 宫底高度 cm.</summary>
    public decimal? FundalHeightCm { get; init; }
    /// <summary>产科检查 腹围 cm.</summary>
    public decimal? AbdominalGirthCm { get; init; }
    /// <summary>产科检查 胎位 (as written, e.g. 头位, LOA).</summary>
    public string? FetalPosition { get; init; }
    /// <summary>产科检查 胎心率 次/分钟.</summary>
    public int? FetalHeartRate { get; init; }
    /// <summary>血压 mmHg.</summary>
    public int? Systolic { get; init; }
    public int? Diastolic { get; init; }
    /// <summary>血红蛋白 g/L.</summary>
    public decimal? Haemoglobin { get; init; }
    /// <summary>尿蛋白 (定性 or 定量 with unit, as Examinations.UrineResult accepts).</summary>
    public string? UrineProtein { get; init; }
    /// <summary>其他辅助检查* (填表说明 6).</summary>
    public string? OtherTests { get; init; }
    /// <summary>分类 1 未见异常 2 异常_____ (填表说明 7: 若发现异常，写明具体情况).</summary>
    public Finding<CheckResult> Classification { get; init; } = new();
    /// <summary>指导 (multi-select), numbers of <see cref="PrenatalRounds.GuidanceTable"/>(<see cref="Round"/>); 其他 with
    /// <see cref="GuidanceOther"/>.</summary>
    public IReadOnlyList<int> Guidance { get; init; } = [];
    public string? GuidanceOther { get; init; }
    /// <summary>转诊 1 无 2 有, 原因, 机构及科室.</summary>
    public VisitReferral Referral { get; init; } = new();
    /// <summary>危急征象 observed (no box on paper; 004 二(二)3).</summary>
    public IReadOnlyList<PrenatalDangerSign> DangerSigns { get; init; } = [];
    /// <summary>下次随访日期.</summary>
    public DateOnly? NextVisitDate { get; init; }
    /// <summary>随访医生签名.</summary>
    public string? Doctor { get; init; }
}

/// <summary>A prenatal round's 孕周 window, both ends included: from <see cref="From"/> (孕N周+0天) to <see cref="To"/>
/// (孕M周+6天, so "16~20周" takes in the whole of week 20).</summary>
public sealed record PrenatalWindow(int Round, GestationalAge From, GestationalAge To, string Title)
{
    public bool Contains(GestationalAge age) => age >= From && age <= To;
}

/// <summary>The five prenatal visits of 004 孕产妇 二(一)–(三) and their windows.</summary>
public static class PrenatalRounds
{
    public const int First = 1;
    public const int Last = 5;

    // 004 孕产妇 二(一): 孕12周前建册并进行第1次产前随访 (read as before 13 weeks: PregnancyRules.EarlyRegistrationBefore);
    // 二(二): 孕16~20周、21~24周各1次; 二(三)1: 孕28~36周、37~40周各1次.
    public static readonly IReadOnlyList<PrenatalWindow> Windows =
    [
        new(1, GestationalAge.AtWeek(0), new GestationalAge(12, 6), "第1次产前随访（孕13周前）"),
        new(2, GestationalAge.AtWeek(16), new GestationalAge(20, 6), "第2次产前随访（孕16~20周）"),
        new(3, GestationalAge.AtWeek(21), new GestationalAge(24, 6), "第3次产前随访（孕21~24周）"),
        new(4, GestationalAge.AtWeek(28), new GestationalAge(36, 6), "第4次产前随访（孕28~36周）"),
        new(5, GestationalAge.AtWeek(37), new GestationalAge(40, 6), "第5次产前随访（孕37~40周）"),
    ];

    public static PrenatalWindow Window(int round) =>
        round is >= First and <= Last ? Windows[round - 1] : throw new ArgumentOutOfRangeException(nameof(round), round, "第1~5次");

    /// <summary>The round of the 第2~5次 form whose window holds <paramref name="age"/>, or null (before 16 weeks, 25–27
    /// weeks, after 40 weeks).</summary>
    public static int? RoundFor(GestationalAge age) =>
        Windows.Skip(1).FirstOrDefault(w => w.Contains(age))?.Round;

    /// <summary>The code table of 指导 in the column of <paramref name="round"/> (2, 3, or 4 and 5).</summary>
    // 004 孕产妇 附件2: the 指导 row lists different options in each column
    public static Type GuidanceTable(int round) => round switch
    {
        2 => typeof(SecondVisitGuidance),
        3 => typeof(ThirdVisitGuidance),
        4 or 5 => typeof(LateVisitGuidance),
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "第2~5次"),
    };

    /// <summary>The number of 其他 in the round's 指导 table (5, 7 or 8).</summary>
    public static int GuidanceOtherCode(int round) => round switch
    {
        2 => (int)SecondVisitGuidance.Other,
        3 => (int)ThirdVisitGuidance.Other,
        4 or 5 => (int)LateVisitGuidance.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "第2~5次"),
    };

    /// <summary>
    /// 下次随访日期 to suggest after a visit on <paramref name="visitDate"/>: the start of the first later round's window that
    /// has not yet begun (so a visit at 10 weeks suggests 16 weeks, one at 22 weeks suggests 28 weeks), or null after the
    /// last window has opened (the next contact is the delivery).
    /// </summary>
    // 004 孕产妇 附件1 填表说明 16, 附件2 填表说明 10: 根据孕妇情况确定下次随访日期; the schedule of 二(二), 二(三)
    public static DateOnly? SuggestNextVisit(PregnancyDating dating, DateOnly visitDate)
    {
        foreach (var w in Windows.Skip(1))
        {
            if (dating.DayOf(w.From) is DateOnly start && start > visitDate)
            {
                return start;
            }
        }
        return null;
    }
}
