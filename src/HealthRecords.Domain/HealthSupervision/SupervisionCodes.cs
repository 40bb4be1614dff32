using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.HealthSupervision;

/// <summary>
/// 信息类别 of the 卫生监督协管信息报告登记表 (004 卫生监督协管 附件1 注1), numbered in the note's order.
/// </summary>
public enum InformationCategory
{
    [Label("食品安全")] FoodSafety = 1,
    [Label("饮用水卫生")] DrinkingWater = 2,
    [Label("职业病危害")] OccupationalHazard = 3,
    [Label("学校卫生")] SchoolHealth = 4,
    [Label("非法行医（采供血）")] IllegalPractice = 5,
}

/// <summary>
/// The patrols 004 卫生监督协管 asks the institution to help with (二(三)–(五)) and counts (五(二)), in 五(二)'s order,
/// and 9 other patrols with their text (they are registered but not counted).
/// </summary>
public enum PatrolKind
{
    [Label("饮用水卫生安全")] DrinkingWater = 1,
    [Label("学校卫生")] School = 2,
    [Label("非法行医和非法采供血")] IllegalPractice = 3,
    [Label("其他"), Blank] Other = 9,
}

/// <summary>The water supplies 004 卫生监督协管 二(三) names for patrols, in its order.</summary>
public enum WaterSupplyType
{
    [Label("农村集中式供水")] RuralCentralised = 1,
    [Label("城市二次供水")] UrbanSecondary = 2,
    [Label("学校供水")] School = 3,
}

/// <summary>The period of a county's 零报告制度 (004 卫生监督协管 四(三): 有条件的地区可以实行零报告制度).</summary>
public enum ZeroReportPeriod
{
    [Label("每周")] Week = 1,
    [Label("每月")] Month = 2,
}
