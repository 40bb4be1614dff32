using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.Tcm;

/// <summary>The two TCM measures (third-edition.md §1–2); membership rules in <see cref="ElderlyTcmRules"/> and <see cref="ChildTcmRules"/>.</summary>
public static class TcmMeasures
{
    public static readonly IReadOnlyList<MeasureDefinition> All = [ElderlyTcmRules.ManagementRate, ChildTcmRules.ServiceRate];
}
