using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Elderly;

/// <summary>
/// Who is a target of 老年人健康管理 in a service year. Defined once here; the target list, the work list,
/// the measures and the examination form's * items all use it.
/// </summary>
public static class ElderlyRules
{
    public const int MinimumAge = 65;

    /// <summary>
    /// 004 老年人健康管理服务规范 一、服务对象: 辖区内65岁及以上常住居民; 五(一) counts 年内辖区内65岁及以上常住居民.
    /// Decision: a resident is 65 or over "in" the service year when they reach their 65th birthday on or before
    /// 31 December of that year, i.e. were born on or before 31 December of (year − 65). So everyone turning 65
    /// during the year is served that year, from 1 January, which is how township hospitals plan the annual check;
    /// and the list does not change from day to day within a year.
    /// </summary>
    public static bool IsTarget(DateOnly birthDate, int serviceYear) => birthDate <= LatestBirthDate(serviceYear);

    /// <summary>The latest birth date of the year's targets: 31 December of (year − 65).</summary>
    public static DateOnly LatestBirthDate(int serviceYear) => new(serviceYear - MinimumAge, 12, 31);

    /// <summary>
    /// 000 (record software must 自动更新生成新增65岁以上老年人名单): residents who newly turn 65 in the service year,
    /// i.e. born in (year − 65).
    /// </summary>
    public static bool TurnsSixtyFiveIn(DateOnly birthDate, int serviceYear) => birthDate.Year == serviceYear - MinimumAge;

    /// <summary>The first birth date of those who newly turn 65 in the service year: 1 January of (year − 65).</summary>
    public static DateOnly EarliestNewcomerBirthDate(int serviceYear) => new(serviceYear - MinimumAge, 1, 1);

    /// <summary>
    /// 004 老年人健康管理服务规范 二 (每年提供1次健康管理服务): the year's examination of a target who has had none this
    /// year, due on the anniversary of the last one (kept within the year), or on 1 January for one never examined;
    /// null for a resident who is not a target this year or was examined this year.
    /// </summary>
    public static ScheduleItem? AnnualExamination(DateOnly birthDate, DateOnly? lastExamination, DateOnly today)
    {
        var first = new DateOnly(today.Year, 1, 1);
        if (!IsTarget(birthDate, today.Year) || lastExamination >= first)
        {
            return null;
        }
        var due = lastExamination is DateOnly last && last.AddYears(1) > first ? last.AddYears(1) : first;
        return ScheduleItem.On(ScheduleKinds.AnnualExamination, "老年人年度健康体检", due);
    }

    /// <summary>
    /// 004 老年人健康管理服务规范 五(一): 老年人健康管理率 = 接受健康管理人数 / 年内辖区内65岁及以上常住居民数. The
    /// denominator is the area's 65+ resident population (configured population × the "elderly" share), not the
    /// records the system holds; the numerator counts each resident's record as it stood during the period
    /// (<see cref="RecordMeasures.HeldDuring"/>).
    /// </summary>
    public static readonly MeasureDefinition ManagementRate = new(
        Code: "elderly-management-rate",
        Name: "老年人健康管理率",
        Service: "elderly",
        Numerator: "期内接受健康管理（有健康体检表）的65岁及以上居民人数（当年年满65岁者计入，即出生于“年份−65”年12月31日及以前；期内在管的档案，期后终止的仍计入）",
        Denominator: "年内辖区内65岁及以上常住居民数（按配置的常住人口×65岁及以上人口比例估算）",
        Source: "004 老年人健康管理服务规范 五(一)",
        DenominatorKind: DenominatorKind.EstimatedFromPopulation,
        PrevalenceKey: ElderlyPopulationKey);

    /// <summary>The configuration key of the 65+ share of the resident population (<c>Measures:Prevalence:elderly</c>).</summary>
    public const string ElderlyPopulationKey = "elderly";

    /// <summary>
    /// 004 老年人健康管理服务规范 五(二): 健康体检表完整率 = 抽查填写完整的健康体检表数 / 抽查的健康体检表数. Counted over forms,
    /// not residents: every examination form of the period, none sampled out (complete: see Examinations.ExaminationCompleteness).
    /// </summary>
    public static readonly MeasureDefinition ExaminationCompletenessRate = new(
        Code: "examination-completeness-rate",
        Name: "健康体检表完整率",
        Service: "examination",
        Numerator: "期内填写完整的健康体检表份数（完整：表中不带*号的项目和适用于该居民的*号项目均已填写）",
        Denominator: "期内的健康体检表份数（系统对全部体检表计算，不抽查；同一居民的每份体检表各计一份）",
        Source: "004 老年人健康管理服务规范 五(二)",
        Unit: "份");
}
