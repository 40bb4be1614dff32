namespace HealthRecords.Domain.Diabetes;

/// <summary>The screening rule of 004 2型糖尿病患者健康管理服务规范 二(一) (issue #15 item 6).</summary>
public static class DiabetesScreening
{
    /// <summary>004 糖尿病 二(一): 建议其每年至少测量 1 次空腹血糖.</summary>
    public const int FastingGlucoseIntervalYears = 1;

    /// <summary>
    /// The day a resident was found to be 2型糖尿病高危人群, from the screening entries in any order: each entry marks
    /// (<c>true</c>), clears (<c>false</c>) or leaves (<c>null</c>, a glucose measured only) the mark; the day is the first
    /// entry of the latest unbroken run of marks, so re-ticking the box at a later visit does not move the yearly date.
    /// Null when the resident is not marked now.
    /// </summary>
    public static DateOnly? MarkedOn(IEnumerable<(DateOnly On, bool? HighRisk)> entries)
    {
        DateOnly? marked = null;
        foreach (var (on, highRisk) in entries.Where(e => e.HighRisk is not null).OrderBy(e => e.On))
        {
            marked = highRisk == true ? marked ?? on : null;
        }
        return marked;
    }

    /// <summary>
    /// 004 糖尿病 二(一): a 2型糖尿病高危人群 resident found in work (marked high-risk on <paramref name="markedOn"/>) is advised a
    /// fasting glucose at least once a year: due a year after the last one, or from the day they were found when none is
    /// recorded since; null for a resident not marked high-risk.
    /// </summary>
    public static ScheduleItem? FastingGlucoseDue(DateOnly? markedOn, DateOnly? lastFastingGlucose, long? sourceId = null)
    {
        if (markedOn is not DateOnly marked)
        {
            return null;
        }
        var due = lastFastingGlucose is DateOnly last && last >= marked ? last.AddYears(FastingGlucoseIntervalYears) : marked;
        return ScheduleItem.On(ScheduleKinds.Reminder, "糖尿病高危人群每年测量空腹血糖", due, sourceId: sourceId);
    }
}
