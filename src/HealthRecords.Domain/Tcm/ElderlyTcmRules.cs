using HealthRecords.Domain.Elderly;
using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Tcm;

/// <summary>One stored questionnaire as the schedule and the measure read it.</summary>
/// <param name="NeedsRecheck">Its result was empty or contradictory (<see cref="ConstitutionResult.NeedsRecheck"/>).</param>
public sealed record ElderlyTcmEntry(long Id, DateOnly FilledOn, bool NeedsRecheck);

/// <summary>The rules of 老年人中医药健康管理 (第三版; third-edition.md §1).</summary>
public static class ElderlyTcmRules
{
    public const string Service = "tcm-elderly";
    public const string Kind = "tcm-questionnaire";
    public const string RecheckKind = "tcm-recheck";

    /// <summary>third-edition.md §1: an empty or contradictory result — the questionnaire repeated after 2 weeks.</summary>
    public const int RecheckDays = 14;

    /// <summary>
    /// What is due: once a year for a resident 65 or over in the year (<see cref="ElderlyRules.IsTarget"/>), on the
    /// anniversary of the last questionnaire kept within the year, or on 1 January (as the annual examination it goes
    /// with); and a repeat 2 weeks after a questionnaire whose result needs it, until a later one is filled.
    /// </summary>
    public static IReadOnlyList<ScheduleItem> Due(DateOnly birthDate, IReadOnlyList<ElderlyTcmEntry> records, DateOnly today)
    {
        var items = new List<ScheduleItem>();
        if (!ElderlyRules.IsTarget(birthDate, today.Year))
        {
            return items;
        }
        var first = new DateOnly(today.Year, 1, 1);
        var last = new DateOnly(today.Year, 12, 31);
        var latest = records.OrderByDescending(r => r.FilledOn).ThenByDescending(r => r.Id).FirstOrDefault();
        // third-edition.md §1: once a year
        if (!records.Any(r => r.FilledOn >= first && r.FilledOn <= last))
        {
            var due = latest?.FilledOn.AddYears(1) ?? first;
            due = due < first ? first : due > last ? last : due;
            items.Add(new ScheduleItem(Kind, "老年人中医药健康管理（体质辨识）", first, due, last));
        }
        // third-edition.md §1 (the form's notes): check the answers again, or repeat the questionnaire after 2 weeks
        if (latest is { NeedsRecheck: true })
        {
            items.Add(ScheduleItem.On(RecheckKind, "中医体质辨识结果需复核：2周后重新填写问卷", latest.FilledOn.AddDays(RecheckDays), sourceId: latest.Id));
        }
        return items;
    }

    /// <summary>Numerator: a 65+ resident of the year with a questionnaire filled in the period.</summary>
    public static bool IsManaged(DateOnly birthDate, IEnumerable<DateOnly> filledOn, DateOnly from, DateOnly to) =>
        ElderlyRules.IsTarget(birthDate, to.Year) && filledOn.Any(d => d >= from && d <= to);

    /// <summary>third-edition.md §1 measure.</summary>
    public static readonly MeasureDefinition ManagementRate = new(
        "tcm-elderly-management-rate", "老年人中医药健康管理率", Service,
        "年内接受中医药健康管理服务的65岁及以上居民数（期内有老年人中医药健康管理服务记录表者）",
        "年内辖区内65岁及以上常住居民数（与老年人健康管理率相同：按配置的常住人口×65岁及以上人口比例估算）",
        "第三版 老年人中医药健康管理服务规范 工作指标；third-edition.md §1",
        DenominatorKind: DenominatorKind.EstimatedFromPopulation,
        PrevalenceKey: ElderlyRules.ElderlyPopulationKey);
}
