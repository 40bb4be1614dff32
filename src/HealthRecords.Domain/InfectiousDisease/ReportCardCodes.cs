using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.InfectiousDisease;

// The code tables of the 中华人民共和国传染病报告卡. The card numbers only 报卡类别; every other option is a box
// without a number, so these enums number the boxes in the card's printed order (1, 2, 3 …) and say so.

/// <summary>报卡类别: 1 初次报告 2 订正报告 (the card's own numbers).</summary>
public enum CardKind
{
    [Label("初次报告")] Initial = 1,
    [Label("订正报告")] Correction = 2,
}

/// <summary>年龄单位 (实足年龄, when the birth date is not known): boxes in the card's order.</summary>
public enum AgeUnit
{
    [Label("岁")] Years = 1,
    [Label("月")] Months = 2,
    [Label("天")] Days = 3,
}

/// <summary>病人属于: boxes in the card's order.</summary>
public enum PatientBelongsTo
{
    [Label("本县区")] ThisCounty = 1,
    [Label("本市其他县区")] OtherCountyOfCity = 2,
    [Label("本省其它地市")] OtherCityOfProvince = 3,
    [Label("外省")] OtherProvince = 4,
    [Label("港澳台")] HongKongMacaoTaiwan = 5,
    [Label("外籍")] Foreign = 6,
}

/// <summary>
/// 人群分类 (患者职业 on the cards before the 2015 revision): boxes in the card's order. 17 其他 has a line to write on.
/// </summary>
public enum PopulationGroup
{
    [Label("幼托儿童")] NurseryChild = 1,
    [Label("散居儿童")] ScatteredChild = 2,
    [Label("学生（大中小学）")] Student = 3,
    [Label("教师")] Teacher = 4,
    [Label("保育员及保姆")] Childminder = 5,
    [Label("餐饮食品业")] FoodService = 6,
    [Label("商业服务")] CommercialService = 7,
    [Label("医务人员")] MedicalStaff = 8,
    [Label("工人")] Worker = 9,
    [Label("民工")] MigrantWorker = 10,
    [Label("农民")] Farmer = 11,
    [Label("牧民")] Herder = 12,
    [Label("渔(船)民")] Fisher = 13,
    [Label("干部职员")] Official = 14,
    [Label("离退人员")] Retired = 15,
    [Label("家务及待业")] HouseworkOrUnemployed = 16,
    [Label("其他"), Blank] Other = 17,
    [Label("不详")] Unknown = 18,
}

/// <summary>病例分类 (1): boxes in the card's order.</summary>
public enum CaseClassification
{
    [Label("疑似病例")] Suspected = 1,
    [Label("临床诊断病例")] ClinicallyDiagnosed = 2,
    [Label("实验室确诊病例")] LaboratoryConfirmed = 3,
    [Label("病原携带者")] Carrier = 4,
}

/// <summary>病例分类 (2): 急性 / 慢性, filled only for the diseases the card names (乙型肝炎, 血吸虫病).</summary>
public enum Acuity
{
    [Label("急性")] Acute = 1,
    [Label("慢性")] Chronic = 2,
}

/// <summary>法定传染病的类别 (《传染病防治法》第三条), plus the card's row of other diseases to report.</summary>
public enum DiseaseClass
{
    [Label("甲类传染病")] ClassA = 1,
    [Label("乙类传染病")] ClassB = 2,
    [Label("丙类传染病")] ClassC = 3,
    [Label("其他法定管理以及重点监测传染病")] Other = 4,
}
