using HealthRecords.Domain.Codes;
using HealthRecords.Domain.HealthSupervision;

namespace HealthRecords.Domain.Tests.HealthSupervision;

public sealed class SupervisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    internal static SupervisionReport Report(DateOnly found, InformationCategory category = InformationCategory.FoodSafety, DateOnly? reported = null) => new()
    {
        DiscoveredOn = found, Category = category, Place = "跳磴镇某餐馆", Content = "3名就餐者腹泻呕吐，疑似食物中毒",
        ReportedOn = reported, Reporter = reported is null ? null : "张医生", ReportedTo = "大渡口区卫生监督所",
    };

    internal static SupervisionPatrol Patrol(DateOnly on, PatrolKind kind = PatrolKind.DrinkingWater, string place = "石林村集中供水站") => new()
    {
        Kind = kind, WaterSupplyType = kind == PatrolKind.DrinkingWater ? WaterSupplyType.RuralCentralised : null,
        Place = place, Content = "查看水源防护、消毒设施和记录", PatrolDate = on, Inspectors = "张医生、李医生",
    };

    [Fact]
    public void TheRegistersCodeTablesAreTheFormsLists()
    {
        Assert.Equal("1 食品安全|2 饮用水卫生|3 职业病危害|4 学校卫生|5 非法行医（采供血）",
            string.Join("|", CodeLabels.Options<InformationCategory>().Select(o => $"{o.Code} {o.Label}")));
        Assert.Equal("1 饮用水卫生安全|2 学校卫生|3 非法行医和非法采供血|9 其他",
            string.Join("|", CodeLabels.Options<PatrolKind>().Select(o => $"{o.Code} {o.Label}")));
    }

    [Fact]
    public void ACompleteReportIsValidAndAnUnreportedOneToo()
    {
        Assert.Empty(SupervisionRules.Validate(Report(Today.AddDays(-1), reported: Today), Today));
        Assert.Empty(SupervisionRules.Validate(Report(Today.AddDays(-1)), Today));
    }

    [Fact]
    public void AReportCannotPrecedeItsDiscoveryNorLieInTheFuture()
    {
        Assert.Equal("报告时间不能早于发现时间", Assert.Single(SupervisionRules.Validate(Report(Today, reported: Today.AddDays(-1)), Today)["reportedOn"]));
        Assert.Contains("discoveredOn", SupervisionRules.Validate(Report(Today.AddDays(1)), Today).Keys);
        Assert.Contains("reporter", SupervisionRules.Validate(Report(Today, reported: Today) with { Reporter = null }, Today).Keys);
    }

    [Fact]
    public void AnEmptyReportAsksForItsColumns() =>
        Assert.Equal(["category", "content", "discoveredOn", "place"], SupervisionRules.Validate(new SupervisionReport(), Today).Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void APatrolIsCheckedLineByLine()
    {
        Assert.Empty(SupervisionRules.Validate(Patrol(Today), Today));
        Assert.Equal(["content", "inspectors", "kind", "patrolDate", "place"], SupervisionRules.Validate(new SupervisionPatrol(), Today).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("problemsFound", SupervisionRules.Validate(Patrol(Today) with { ProblemFound = true }, Today).Keys);
        Assert.Contains("problemFound", SupervisionRules.Validate(Patrol(Today) with { ProblemsFound = "消毒记录缺失" }, Today).Keys);
        Assert.Contains("waterSupplyType", SupervisionRules.Validate(Patrol(Today, PatrolKind.School) with { WaterSupplyType = WaterSupplyType.School }, Today).Keys);
        Assert.Contains("kindOther", SupervisionRules.Validate(Patrol(Today, PatrolKind.Other), Today).Keys);
        Assert.Contains("patrolDate", SupervisionRules.Validate(Patrol(Today.AddDays(1)), Today).Keys);
    }

    [Fact]
    public void AProblemFoundOnPatrolIsReportedUnderItsCategory()
    {
        var patrol = Patrol(Today, PatrolKind.School, "跳磴镇中心小学") with { ProblemFound = true, ProblemsFound = "晨检记录不全，因病缺课未追踪" };
        Assert.True(SupervisionRules.NeedsReport(patrol));
        Assert.False(SupervisionRules.NeedsReport(Patrol(Today)));
        var report = SupervisionRules.ReportFromPatrol(5, patrol);
        Assert.Equal((Today, InformationCategory.SchoolHealth, "跳磴镇中心小学", 5L), (report.DiscoveredOn!.Value, report.Category!.Value, report.Place!, report.PatrolId!.Value));
        Assert.Null(report.ReportedOn);
        Assert.Null(SupervisionRules.CategoryOf(PatrolKind.Other));
    }
}
