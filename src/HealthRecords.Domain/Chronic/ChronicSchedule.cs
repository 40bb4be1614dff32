using HealthRecords.Domain.Elderly;

namespace HealthRecords.Domain.Chronic;

/// <summary>A patient's latest follow-up of one disease, as the schedule reads it.</summary>
/// <param name="Id">The stored follow-up (the item's source).</param>
/// <param name="NextVisitDate">The next visit the doctor booked (the suggestion or the doctor's own date).</param>
/// <param name="Referral">Referred at that visit.</param>
/// <param name="UrgentReferral">Referred urgently (a danger sign).</param>
public sealed record LatestFollowUp(long Id, DateOnly VisitDate, DateOnly NextVisitDate, bool Referral, bool UrgentReferral);

/// <summary>When a patient under hypertension or diabetes management is next due (004, each 二(二)–(三)).</summary>
public static class ChronicSchedule
{
    /// <summary>
    /// The one item due for a patient of <paramref name="disease"/> enrolled on <paramref name="enrolledOn"/>, from the
    /// latest follow-up (null when there is none yet), as on <paramref name="today"/>.
    /// </summary>
    public static ScheduleItem Due(ChronicDisease disease, DateOnly enrolledOn, LatestFollowUp? latest, DateOnly today)
    {
        var name = disease == ChronicDisease.Hypertension ? "高血压" : "糖尿病";
        var yearStart = new DateOnly(today.Year, 1, 1);
        if (latest is null)
        {
            // 004 二(二): every patient under management is followed up; the first visit falls due from enrolment (this year)
            return ScheduleItem.On(ScheduleKinds.NeverFollowedUp, $"{name}随访（纳入管理后尚未随访）", enrolledOn > yearStart ? enrolledOn : yearStart);
        }
        if (latest.Referral)
        {
            // 004 二(二)(1), 二(三)(3): follow up the referral within 2 weeks
            return ScheduleItem.On(ScheduleKinds.ReferralFollowUp, latest.UrgentReferral ? $"{name}紧急转诊后随访" : $"{name}转诊后随访",
                latest.VisitDate.AddDays(ChronicRules.ShortIntervalDays), urgent: true, latest.Id);
        }
        // 004 二(二): at least 4 face-to-face visits a year: one not yet seen this year is listed as such
        return latest.VisitDate < yearStart
            ? ScheduleItem.On(ScheduleKinds.NeverFollowedUp, $"{name}随访（今年尚未随访）", latest.NextVisitDate, sourceId: latest.Id)
            : ScheduleItem.On(ScheduleKinds.FollowUp, $"{name}随访", latest.NextVisitDate, sourceId: latest.Id);
    }

    /// <summary>
    /// 004 高血压 二(四), 2型糖尿病 二(四) 健康体检: 每年进行 1 次较全面的健康检查 (可与随访相结合) for every patient under
    /// management, whatever the age (issue #15 item 5). Due on the anniversary of the last examination (kept within the
    /// year), or from enrolment / 1 January for one not examined before; null when examined this year, and for a 65+
    /// target of the year, whose yearly examination the elderly service already lists (<see cref="ElderlyRules.AnnualExamination"/>),
    /// so it is listed once.
    /// </summary>
    /// <param name="diseases">The diseases the patient is under management for (at least one).</param>
    /// <param name="enrolledOn">The earliest enrolment of those diseases.</param>
    public static ScheduleItem? AnnualExamination(IReadOnlyCollection<ChronicDisease> diseases, DateOnly birthDate, DateOnly enrolledOn, DateOnly? lastExamination, DateOnly today)
    {
        var first = new DateOnly(today.Year, 1, 1);
        if (diseases.Count == 0 || ElderlyRules.IsTarget(birthDate, today.Year) || lastExamination >= first)
        {
            return null;
        }
        var start = enrolledOn > first ? enrolledOn : first;
        var due = lastExamination is DateOnly last && last.AddYears(1) > start ? last.AddYears(1) : start;
        var names = string.Join("、", diseases.Distinct().OrderBy(d => d).Select(d => d == ChronicDisease.Hypertension ? "高血压" : "糖尿病"));
        return ScheduleItem.On(ScheduleKinds.AnnualExamination, $"{names}患者年度健康体检", due);
    }
}
