using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Domain.Tests.Immunisation;

/// <summary>Version 1 of the schedule is 004 附件1, line by line.</summary>
public sealed class ImmunizationScheduleTests
{
    private static readonly ImmunizationSchedule V1 = ImmunizationSchedules.Nip2011;

    private static string Doses(string series, string? course = null)
    {
        var s = V1.SeriesOf(series)!;
        var c = course is null ? s.Courses.Single() : s.Courses.Single(x => x.Code == course);
        return string.Join(" | ", c.Doses.Select(d =>
            $"{d.Number}:{string.Join("/", d.Vaccines)}@{d.Age}"
            + (d.Until is AgeSpan u ? $"~{u}" : "")
            + (d.MinInterval is AgeSpan m ? $" ≥{m}" : "")
            + (d.MaxInterval is AgeSpan x ? $" ≤{x}" : "")
            + (d.IntervalFromDose is int f ? $" from{f}" : "")
            + (d.After is DoseDependency a ? $" after {a.Series}{a.Dose}+{a.MinInterval}" : "")
            + (d.OnTimeBefore is AgeSpan b ? $" late@{b}" : "")));
    }

    public static TheoryData<string, string?, string> Appendix1 => new()
    {
        // 乙肝疫苗 0、1、6月龄, 出生后24小时内接种第1剂次, 第1、2剂次间隔≥28天
        { "HepB", null, "1:HepB@0d late@2d | 2:HepB@1m ≥28d | 3:HepB@6m" },
        { "BCG", null, "1:BCG@0d" },
        // 脊灰疫苗 2、3、4月龄, 4周岁; 第1、2剂次，第2、3剂次间隔均≥28天
        { "OPV", null, "1:OPV@2m | 2:OPV@3m ≥28d | 3:OPV@4m ≥28d | 4:OPV@4y" },
        // 百白破疫苗 3、4、5月龄, 18~24月龄
        { "DTP", null, "1:DTP@3m | 2:DTP@4m ≥28d | 3:DTP@5m ≥28d | 4:DTP@18m~24m" },
        { "DT", null, "1:DT@6y" },
        // 麻风疫苗(麻疹疫苗) 8月龄; 麻腮风疫苗(麻腮疫苗、麻疹疫苗) 18~24月龄
        { "Measles", null, "1:MR/MV@8m | 2:MMR/MM/MV@18m~24m" },
        // 流脑A 6~18月龄, 第1、2剂次间隔3个月
        { "MenA", null, "1:MenA@6m~18m | 2:MenA@6m~18m ≥3m" },
        // 流脑A+C 3周岁, 6周岁; 2剂次间隔≥3年; 第1剂次与A群流脑疫苗第2剂次间隔≥12个月
        { "MenAC", null, "1:MenAC@3y after MenA2+12m | 2:MenAC@6y ≥3y" },
        // 乙脑(减毒) 8月龄, 2周岁
        { "JE", "JE-L", "1:JE-L@8m | 2:JE-L@2y" },
        // 乙脑灭活疫苗 8月龄(2剂次), 2周岁, 6周岁; 第1、2剂次间隔7~10天
        { "JE", "JE-I", "1:JE-I@8m | 2:JE-I@8m ≥7d ≤10d | 3:JE-I@2y | 4:JE-I@6y" },
        // 甲肝(减毒) 18月龄
        { "HepA", "HepA-L", "1:HepA-L@18m" },
        // 甲肝灭活疫苗 18月龄, 24~30月龄; 2剂次间隔≥6个月
        { "HepA", "HepA-I", "1:HepA-I@18m | 2:HepA-I@24m~30m ≥6m" },
        // 出血热疫苗 16~60周岁; 第1剂次后14天接种第2剂次, 第3剂次在第1剂次接种后6个月
        { "HFRS", null, "1:HFRS@16y | 2:HFRS@16y ≥14d | 3:HFRS@16y ≥6m from1" },
        // 钩体疫苗: 接种第1剂次后7~10天接种第2剂次
        { "Lepto", null, "1:Lepto@7y | 2:Lepto@7y ≥7d ≤10d" },
        { "Anthrax", null, "1:Anthrax@0d" },
    };

    [Theory]
    [MemberData(nameof(Appendix1))]
    public void EachLineOfAppendix1IsInVersion1(string series, string? course, string expected) =>
        Assert.Equal(expected, Doses(series, course));

    [Fact]
    public void Version1CarriesItsIdentityAndDefaults()
    {
        Assert.Equal("nip-2011", V1.Code);
        Assert.Equal(1, V1.Version);
        Assert.Equal(new AgeSpan(0, 0, 28), V1.DefaultMinInterval);
        Assert.Equal(new AgeSpan(0, 1, 0), V1.OnTimeGrace);
        Assert.Equal(new AgeSpan(0, 0, 28), V1.LiveSpacing);
    }

    [Fact]
    public void TheTargetedVaccinesAreNotPartOfTheChildrensRoutine() =>
        Assert.Equal(["HFRS", "Anthrax", "Lepto"], V1.Series.Where(s => !s.Routine).Select(s => s.Code));

    [Fact]
    public void TheCardHasTheRowsOfAppendix2()
    {
        Assert.Equal(
            "乙肝疫苗×3 卡介苗×1 脊灰疫苗×4 百白破疫苗×4 白破疫苗×1 麻风疫苗×1 麻腮风疫苗×2 麻腮疫苗×1 麻疹疫苗×2 A群流脑疫苗×2 A+C群流脑疫苗×2 乙脑(减毒)活疫苗×2 乙脑灭活疫苗×4 甲肝减毒活疫苗×1 甲肝灭活疫苗×2 其他疫苗×0",
            string.Join(" ", V1.Card.Select(r => $"{V1.Vaccine(r.Vaccine)!.Name}×{r.Rows}")));
        Assert.Equal(2, V1.MaxDoseNumber("MMR"));
        Assert.Null(V1.MaxDoseNumber("Other"));
    }

    [Fact]
    public void OnlyInjectedVaccinesHaveASite()
    {
        Assert.False(V1.Vaccine("OPV")!.Injected);
        Assert.False(V1.Vaccine("Anthrax")!.Injected);
        Assert.True(V1.Vaccine("BCG")!.Injected);
    }

    [Theory]
    [InlineData("201907023", true)]
    [InlineData("Y20190512-1", true)]
    [InlineData("A1", false)]
    [InlineData("批号123", false)]
    [InlineData("-123456", false)]
    public void BatchNumbersFollowTheVersionsPattern(string batch, bool valid) => Assert.Equal(valid, V1.IsBatchNumber(batch));

    [Theory]
    [InlineData("0d", 0, 0, 0, "出生时")]
    [InlineData("28d", 0, 0, 28, "28天")]
    [InlineData("18m", 0, 18, 0, "18月龄")]
    [InlineData("4y", 4, 0, 0, "4周岁")]
    [InlineData("1y6m", 1, 6, 0, "1岁6月")]
    public void AgesParseAndPrint(string text, int y, int m, int d, string chinese)
    {
        var span = AgeSpan.Parse(text);
        Assert.Equal(new AgeSpan(y, m, d), span);
        Assert.Equal(text, span.ToString());
        Assert.Equal(chinese, span.ToChineseAge());
    }

    [Fact]
    public void MonthsAreCalendarMonths() => Assert.Equal(new DateOnly(2024, 2, 29), AgeSpan.Parse("1m").From(new DateOnly(2024, 1, 31)));

    [Fact]
    public void ACountyAddsALaterVersionAsDataWithoutCodeChanges()
    {
        // a made-up later version: one new vaccine and series, effective 2020
        const string json = """
            {
              "code": "county-2020", "version": 2, "name": "本县免疫程序（2020年起）", "effectiveFrom": "2020-01-01",
              "batchPattern": "^[A-Z0-9]{6,12}$", "defaultMinInterval": "28d", "onTimeGrace": "1m",
              "vaccines": [
                { "code": "HepB", "name": "乙肝疫苗", "route": "肌内注射", "site": "上臂三角肌", "dosage": "10μg", "injected": true, "live": false },
                { "code": "IPV", "name": "脊灰灭活疫苗", "route": "肌内注射", "site": "上臂外侧三角肌", "dosage": "0.5ml", "injected": true, "live": false }
              ],
              "series": [
                { "code": "HepB", "name": "乙肝疫苗", "routine": true, "courses": [ { "code": "HepB", "doses": [
                  { "number": 1, "vaccines": ["HepB"], "age": "0d", "onTimeBefore": "2d" },
                  { "number": 2, "vaccines": ["HepB"], "age": "1m" } ] } ] },
                { "code": "Polio", "name": "脊灰疫苗", "routine": true, "courses": [ { "code": "IPV", "doses": [
                  { "number": 1, "vaccines": ["IPV"], "age": "2m" } ] } ] }
              ]
            }
            """;
        var (schedule, problems) = ImmunizationSchedules.Parse(json);
        Assert.Empty(problems);
        Assert.NotNull(schedule);
        var versions = new[] { V1, schedule };
        Assert.Same(V1, ImmunizationSchedules.ApplicableOn(versions, new DateOnly(2019, 12, 31)));
        Assert.Same(schedule, ImmunizationSchedules.ApplicableOn(versions, new DateOnly(2020, 1, 1)));
        var due = ImmunizationPlanner.NextDoses(schedule, new DateOnly(2020, 3, 1), [], new DateOnly(2020, 5, 2));
        Assert.Contains(due, d => d.Title == "脊灰疫苗" && d.Status == DoseStatus.Due);
    }

    [Fact]
    public void AVersionWithMistakesIsRefusedWithItsProblems()
    {
        const string json = """
            {
              "code": "bad", "name": "错", "batchPattern": "[", "defaultMinInterval": "28d", "onTimeGrace": "1m",
              "vaccines": [ { "code": "X", "name": "X", "route": "", "site": "", "dosage": "", "injected": true, "live": false } ],
              "series": [
                { "code": "S", "name": "S", "routine": true, "courses": [ { "code": "S", "doses": [
                  { "number": 2, "vaccines": ["Y"], "age": "1m", "after": { "series": "T", "dose": 1, "minInterval": "1m" } } ] } ] }
              ]
            }
            """;
        var (schedule, problems) = ImmunizationSchedules.Parse(json);
        Assert.Null(schedule);
        Assert.Contains(problems, p => p.Contains("batchPattern", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("numbered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown vaccine Y", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("after names T", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("vaccine X is in no series", StringComparison.Ordinal));
    }

    [Fact]
    public void NotJsonIsRefused() => Assert.Null(ImmunizationSchedules.Parse("{ not json").Schedule);
}
