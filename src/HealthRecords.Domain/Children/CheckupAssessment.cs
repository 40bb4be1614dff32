using HealthRecords.Domain.Codes;

namespace HealthRecords.Domain.Children;

/// <summary>
/// What the system makes of one check-up, shown beside the form and stored with it: the child's age in days, the
/// growth judgement (WHO z-scores, 上/中/下, 体格发育评价), the health problems with what to do, the guidance to tick,
/// and the suggested next visit.
/// </summary>
public sealed record CheckupAssessment(
    int AgeInDays,
    GrowthJudgement Judgement,
    IReadOnlyList<ProblemFinding> Problems,
    IReadOnlyList<ChildGuidance> SuggestedGuidance,
    bool ReferralSuggested,
    DateOnly? SuggestedNextVisit)
{
    /// <summary>
    /// Assesses a check-up against the child's birth date and sex with the county's cut-offs: the same functions the
    /// validator checks the form with (<see cref="ChildCheckupValidator.Judge"/>, <see cref="ChildHealthProblems.Find"/>,
    /// <see cref="CheckupSchedule.SuggestedNextVisit"/>). A visit date before birth or not set gives no judgement.
    /// </summary>
    // 004 儿童 附件2–4 填表说明 2 (体格发育评价); 二(五) 健康问题处理; 填表说明 下次随访日期
    public static CheckupAssessment Of(ChildCheckup f, DateOnly birthDate, Sex sex, GrowthCutOffs? cutOffs = null, ScreeningCutOffs? screening = null)
    {
        var days = f.VisitDate == default ? -1 : WhoGrowth.AgeInDays(birthDate, f.VisitDate);
        var next = Enum.IsDefined(f.Age) ? CheckupSchedule.SuggestedNextVisit(birthDate, f.Age) : null;
        if (days < 0)
        {
            var none = new GrowthJudgement(new GrowthZScores(GrowthReference.Standards2006, null, null, null, null, null), null, null, []);
            return new CheckupAssessment(days, none, [], [], false, next);
        }
        var c = cutOffs ?? GrowthCutOffs.Default;
        var judgement = ChildCheckupValidator.Judge(f, birthDate, sex, c);
        var problems = ChildHealthProblems.Find(f, days, judgement, c, screening ?? ScreeningCutOffs.Default);
        return new CheckupAssessment(days, judgement, problems, ChildHealthProblems.SuggestedGuidance(problems),
            ChildHealthProblems.NeedsReferral(problems), next);
    }
}
