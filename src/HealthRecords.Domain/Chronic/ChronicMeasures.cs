using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Chronic;

/// <summary>The 考核指标 of 004 高血压 五 and 2型糖尿病 五.</summary>
public static class ChronicMeasures
{
    public static readonly MeasureDefinition HypertensionManagementRate = new(
        "hypertension-management-rate", "高血压患者健康管理率", "hypertension",
        "年内已管理高血压人数（35岁及以上，004 一 服务对象）", "年内辖区内高血压患者总人数（辖区常住成年人口总数×成年人高血压患病率）",
        "004 高血压患者健康管理服务规范 五(一)", DenominatorKind.EstimatedFromPopulation, "hypertension");

    // 004 高血压 五(二): 规范管理 is judged over the year (年内面对面随访至少4次); a shorter period counts the year to date.
    public static readonly MeasureDefinition HypertensionStandardManagementRate = new(
        "hypertension-standard-management-rate", "高血压患者规范管理率", "hypertension",
        "按照规范要求进行管理的高血压患者人数（年内面对面随访至少4次，二(二)）", "年内管理高血压患者人数（35岁及以上）",
        "004 高血压患者健康管理服务规范 五(二)", YearToDate: true);

    public static readonly MeasureDefinition HypertensionControlRate = new(
        "hypertension-control-rate", "管理人群血压控制率", "hypertension",
        "最近一次随访血压达标人数（收缩压<140且舒张压<90mmHg）", "已管理的高血压人数（35岁及以上）",
        "004 高血压患者健康管理服务规范 五(三)");

    public static readonly MeasureDefinition DiabetesManagementRate = new(
        "diabetes-management-rate", "糖尿病患者健康管理率", "diabetes",
        "年内已管理糖尿病患者人数（35岁及以上，004 一 服务对象）", "年内辖区内糖尿病患者总人数（辖区常住成年人口总数×成年人糖尿病患病率）",
        "004 2型糖尿病患者健康管理服务规范 五(一)", DenominatorKind.EstimatedFromPopulation, "diabetes");

    // 004 2型糖尿病 五(二): as for hypertension, a yearly measure; a shorter period counts the year to date.
    public static readonly MeasureDefinition DiabetesStandardManagementRate = new(
        "diabetes-standard-management-rate", "糖尿病患者规范健康管理率", "diabetes",
        "按照要求进行糖尿病患者健康管理的人数（年内面对面随访至少4次，二(二)）", "年内管理糖尿病患者人数（35岁及以上）",
        "004 2型糖尿病患者健康管理服务规范 五(二)", YearToDate: true);

    public static readonly MeasureDefinition DiabetesControlRate = new(
        "diabetes-control-rate", "管理人群血糖控制率", "diabetes",
        "最近一次随访空腹血糖达标人数（空腹血糖<7.0mmol/L）", "已管理的糖尿病患者人数（35岁及以上）",
        "004 2型糖尿病患者健康管理服务规范 五(三)");

    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        HypertensionManagementRate, HypertensionStandardManagementRate, HypertensionControlRate,
        DiabetesManagementRate, DiabetesStandardManagementRate, DiabetesControlRate,
    ];
}
