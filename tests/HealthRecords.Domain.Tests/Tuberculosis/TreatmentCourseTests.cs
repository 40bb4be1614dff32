using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Tuberculosis;

namespace HealthRecords.Domain.Tests.Tuberculosis;

public sealed class TreatmentCourseTests
{
    public static TheoryData<Type, string> Tables => new()
    {
        { typeof(PatientType), "1 初治|2 复治" },
        { typeof(SputumResult), "1 阳性|2 阴性|3 未查痰" },
        { typeof(DrugResistance), "1 耐药|2 非耐药|3 未检测" },
        { typeof(TbSymptom), "0 没有症状|1 咳嗽咳痰|2 低热盗汗|3 咯血或血痰|4 胸痛消瘦|5 恶心纳差|6 关节疼痛|7 头痛失眠|8 视物模糊|9 皮肤瘙痒、皮疹|10 耳鸣、听力下降" },
        { typeof(DosingSchedule), "1 每日|2 间歇" },
        { typeof(DrugForm), "1 固定剂量复合制剂|2 散装药|3 板式组合药|4 注射剂" },
        { typeof(SupervisorType), "1 医生|2 家属|3 自服药|4 其他" },
        { typeof(SeparateRoom), "1 有|2 无" },
        { typeof(Mastery), "1 掌握|2 未掌握" },
        { typeof(StopReason), "1 完成疗程|2 死亡|3 丢失|4 转入耐多药治疗" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void NumbersAndLabelsMatchTheForms(Type table, string expected) =>
        Assert.Equal(expected, string.Join("|", CodeLabels.Options(table).Select(o => $"{o.Code} {o.Label}")));

    [Theory]
    [InlineData("2HRZE/4HR", 2, 4, false)]
    [InlineData("2H3R3Z3E3/4H3R3", 2, 4, true)]
    [InlineData("2H₃R₃Z₃E₃/4H₃R₃", 2, 4, true)]
    [InlineData("2HRZES/6HRE", 2, 6, false)]
    [InlineData(" 3HRZE / 6HRE ", 3, 6, false)]
    [InlineData("6Am-Lfx-PAS-Z/18Lfx-PAS-Z", 6, 18, false)]
    [InlineData("2HRZE/1HRZE/5HRE", 2, 6, false)]
    public void ReadsTheRegimensPhases(string regimen, int intensive, int continuation, bool intermittent) =>
        Assert.Equal(new RegimenPhases(intensive, continuation, intermittent), Regimens.Parse(regimen));

    [Theory]
    [InlineData("")]
    [InlineData("HRZE")]
    [InlineData("2HRZE")]
    [InlineData("2HRZE/HR")]
    [InlineData("异烟肼+利福平")]
    [InlineData("0HRZE/4HR")]
    public void RefusesWhatIsNotARegimen(string regimen) => Assert.Null(Regimens.Parse(regimen));

    private static readonly DateOnly Start = new(2026, 3, 10);

    [Fact]
    public void TheCourseKnowsItsPhasesAndEnd()
    {
        var course = TreatmentCourse.From(Start, "2HRZE/4HR", DosingSchedule.Daily)!;
        Assert.Equal(new DateOnly(2026, 5, 9), course.IntensiveEnd);
        Assert.Equal(new DateOnly(2026, 9, 9), course.PlannedEnd);
        Assert.Equal(TreatmentPhase.Intensive, course.PhaseOn(new DateOnly(2026, 5, 9)));
        Assert.Equal(TreatmentPhase.Continuation, course.PhaseOn(new DateOnly(2026, 5, 10)));
    }

    [Theory]
    [InlineData("2026-03-10", 1)]
    [InlineData("2026-04-09", 1)]
    [InlineData("2026-04-10", 2)]
    [InlineData("2026-09-09", 6)]
    public void CountsTheMonthOfTreatment(string day, int month) =>
        Assert.Equal(month, TreatmentCourse.From(Start, "2HRZE/4HR", null)!.TreatmentMonth(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DailyDosesAreDueEveryDayAndIntermittentEveryOtherDay()
    {
        var daily = new TreatmentCourse(Start, 2, 4, DosingSchedule.Daily);
        var intermittent = new TreatmentCourse(Start, 2, 4, DosingSchedule.Intermittent);
        Assert.Equal(10, daily.DoseDays(Start, Start.AddDays(9)).Count());
        Assert.Equal([Start, Start.AddDays(2), Start.AddDays(4), Start.AddDays(6), Start.AddDays(8)], intermittent.DoseDays(Start, Start.AddDays(9)));
        Assert.Equal((7, 4), (daily.DosesInAWeek, intermittent.DosesInAWeek));
        Assert.Empty(daily.DoseDays(Start.AddDays(-5), Start.AddDays(-1)));
    }

    [Fact]
    public void TheUsageOfTheRegimenIsTakenWhenTheCardLeavesItOut() =>
        Assert.Equal(DosingSchedule.Intermittent, TreatmentCourse.From(Start, "2H3R3Z3E3/4H3R3", null)!.Usage);
}
