using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Elderly;

namespace HealthRecords.Domain.Records;

/// <summary>重点人群 tags of a record (GLOSSARY KeyPopulation).</summary>
[Flags]
public enum KeyPopulation
{
    [Label("无")] None = 0,
    [Label("0-6岁儿童")] Children0To6 = 1,
    [Label("孕产妇")] Pregnant = 2,
    [Label("65岁及以上老年人")] Elderly65Plus = 4,
    [Label("高血压")] Hypertension = 8,
    [Label("2型糖尿病")] Diabetes = 16,
    [Label("重性精神疾病")] SevereMentalIllness = 32,
    [Label("肺结核")] Tuberculosis = 64,
}

public static class KeyPopulationRules
{
    /// <summary>The 0–6 and 65+ age limits, in full years on the day asked.</summary>
    public const int ChildMaxAge = 6;
    public const int ElderlyMinAge = ElderlyRules.MinimumAge;

    /// <summary>The key-population tags of a resident on <paramref name="today"/>.</summary>
    public static KeyPopulation Classify(PersonalInfo info, DateOnly today, bool pregnant)
    {
        var tags = KeyPopulation.None;
        var age = Age.AgeOn(info.BirthDate, today);
        // 004 0～6岁儿童健康管理服务规范 一、服务对象: 辖区内居住的0～6岁儿童
        if (info.BirthDate <= today && age <= ChildMaxAge)
        {
            tags |= KeyPopulation.Children0To6;
        }
        // 004 老年人健康管理服务规范 一、服务对象: 辖区内65岁及以上常住居民
        if (age >= ElderlyMinAge)
        {
            tags |= KeyPopulation.Elderly65Plus;
        }
        // 004 孕产妇健康管理服务规范 一、服务对象: 辖区内居住的孕产妇
        if (pregnant && info.Sex == Sex.Female)
        {
            tags |= KeyPopulation.Pregnant;
        }
        foreach (var disease in info.PastDiseases)
        {
            tags |= disease.Code switch
            {
                // 004 高血压患者健康管理服务规范 一、服务对象: 辖区内35岁及以上原发性高血压患者
                PastDiseaseCode.Hypertension when age >= ChronicRules.TargetAge => KeyPopulation.Hypertension,
                // 004 2型糖尿病患者健康管理服务规范 一、服务对象: 辖区内35岁及以上2型糖尿病患者
                PastDiseaseCode.Diabetes when age >= ChronicRules.TargetAge => KeyPopulation.Diabetes,
                // 004 重性精神疾病患者管理服务规范 一、服务对象: 辖区内诊断明确、在家居住的重性精神疾病患者
                PastDiseaseCode.SevereMentalIllness => KeyPopulation.SevereMentalIllness,
                // 第三版 肺结核患者健康管理服务规范 一、服务对象: 辖区内确诊的常住肺结核患者
                PastDiseaseCode.Tuberculosis => KeyPopulation.Tuberculosis,
                _ => KeyPopulation.None,
            };
        }
        return tags;
    }
}
