using HealthRecords.Domain.HealthEducation;
using static HealthRecords.Domain.Tests.HealthEducation.Activities;

namespace HealthRecords.Domain.Tests.HealthEducation;

public sealed class EducationPlanTests
{
    private static EducationPlan FullPlan()
    {
        var activities = new List<PlannedActivity>();
        for (var m = 1; m <= 12; m++)
        {
            activities.Add(new PlannedActivity(m, ActivityForm.Lecture, $"讲座{m}", EducationContent.KeyDiseases, TcmContent: m % 3 == 0));
            activities.Add(new PlannedActivity(m, ActivityForm.PrintedMaterial, $"折页{m}"));
            if (m <= 9)
            {
                activities.Add(new PlannedActivity(m, ActivityForm.ConsultationEvent, $"咨询{m}"));
            }
            if (m <= 6)
            {
                activities.Add(new PlannedActivity(m, ActivityForm.AudioVideo, $"视频{m}"));
            }
            if (m % 2 == 0)
            {
                activities.Add(new PlannedActivity(m, ActivityForm.BulletinBoard, $"宣传栏{m}"));
            }
        }
        return new EducationPlan { Year = 2026, Goals = "提高居民健康素养", StaffTrainingHours = 12, Activities = activities };
    }

    [Fact]
    public void APlanThatMeetsEveryMinimumHasNoShortfall() => Assert.Empty(EducationPlans.Shortfalls(FullPlan(), InstitutionTier.Centre));

    [Fact]
    public void AShortPlanSaysWhereItFallsShort()
    {
        var plan = FullPlan() with
        {
            StaffTrainingHours = 4,
            Activities = FullPlan().Activities.Where(a => !(a.Form == ActivityForm.Lecture && a.Month == 3) && !(a.Form == ActivityForm.BulletinBoard && a.Month == 8) && a.Form != ActivityForm.AudioVideo).ToArray(),
        };
        var shortfalls = EducationPlans.Shortfalls(plan, InstitutionTier.Centre);
        Assert.Equal(
            ["以下时段未安排健康知识讲座：3月", "音像资料安排了0种，全年不少于6种", "宣传栏内容应每2个月至少更换1次，以下时段未安排：7–8月"],
            shortfalls["activities"]);
        Assert.Equal("专（兼）职人员每年接受健康教育培训不少于8学时", Assert.Single(shortfalls["staffTrainingHours"]));
    }

    [Fact]
    public void AStationPlansLecturesEveryTwoMonthsAndNoConsultationMinimum()
    {
        var plan = new EducationPlan
        {
            Year = 2026,
            Activities = [.. FullPlan().Activities.Where(a => a.Form != ActivityForm.ConsultationEvent && (a.Form != ActivityForm.Lecture || a.Month % 2 == 1))],
        };
        Assert.Empty(EducationPlans.Shortfalls(plan, InstitutionTier.Station));
        Assert.Contains("以下时段未安排健康知识讲座：1月、2月", EducationPlans.Shortfalls(plan with { Activities = plan.Activities.Where(a => a.Month > 1 || a.Form != ActivityForm.Lecture).ToArray() }, InstitutionTier.Centre)["activities"][0]);
    }

    [Fact]
    public void APlansOwnFieldsAreChecked()
    {
        var today = new DateOnly(2026, 6, 15);
        Assert.Empty(EducationPlans.Validate(FullPlan(), today));
        var errors = EducationPlans.Validate(FullPlan() with { Year = 2030, Activities = [new PlannedActivity(13, (ActivityForm)8, "")] }, today);
        Assert.Equal(["activities[0].form", "activities[0].month", "activities[0].topic", "year"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheYearEndSummaryIsDraftedFromTheRecords()
    {
        var rows = new List<ActivityRow>();
        for (var m = 1; m <= 12; m++)
        {
            rows.Add(Row(Lecture(new DateOnly(2026, m, 10), audience: 30) with { TcmContent = m <= 3 }));
        }
        rows.Add(Row(Consultation(new DateOnly(2026, 3, 12), audience: 100)));
        rows.Add(Row(Printed(new DateOnly(2026, 2, 1), "控烟", "限盐", "限酒")));
        var summary = YearSummaries.Draft("跳磴镇卫生院", InstitutionTier.Centre, 2026, rows, [Board(1), Board(2)], [], FullPlan());

        Assert.Equal(14, summary.Activities);
        Assert.Equal(360, summary["lecture-participants"]);
        Assert.Equal(4, summary["printed-kinds"]);
        Assert.True(summary.Minimums.Single(p => p.Minimum == EducationMinimum.Lectures).Met);
        Assert.False(summary.Minimums.Single(p => p.Minimum == EducationMinimum.ConsultationEvents).Met);
        Assert.Equal([EducationContent.KeyDiseases], summary.ContentsCovered);
        Assert.Equal(6, summary.ContentsNotCovered.Count);
        Assert.Equal((FullPlan().Activities.Count, 12 + 1 + 1), (summary.PlannedActivities!.Value, summary.PlannedDone!.Value));
        Assert.StartsWith("跳磴镇卫生院2026年健康教育工作总结（初稿）", summary.Text, StringComparison.Ordinal);
        Assert.Contains("举办健康知识讲座12次，参加360人次", summary.Text, StringComparison.Ordinal);
        Assert.Contains("含中医药内容的活动3次，占全部活动的21%", summary.Text, StringComparison.Ordinal);
        Assert.Contains("公众健康咨询活动次数：未达到要求。全年不少于9次，按进度到今天应有9次，已有1次。", summary.Text, StringComparison.Ordinal);
        Assert.Contains("健康知识讲座：达到要求。", summary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRecordsDraftTheSameSummary()
    {
        ActivityRow[] rows = [Row(Lecture(new DateOnly(2026, 3, 10)))];
        Assert.Equal(
            YearSummaries.Draft("机构", InstitutionTier.Station, 2026, rows, [], [], null).Text,
            YearSummaries.Draft("机构", InstitutionTier.Station, 2026, rows, [], [], null).Text);
    }
}
