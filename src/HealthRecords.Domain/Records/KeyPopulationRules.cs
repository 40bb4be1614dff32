using HealthRecords.Domain.Chronic;
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

/// <summary>
/// Who belongs to which 重点人群. Membership that depends on age (0–6, 65+, and 35+ for hypertension and diabetes
/// patients) is computed from the birth date for the day in question (<see cref="On"/>), never stamped: a record stores
/// only the facts that do not age (<see cref="Stamped"/>: diagnoses, pregnancy), so a child turning 7 or a resident
/// turning 65 moves between populations without anyone saving the record.
/// </summary>
public static class KeyPopulationRules
{
    /// <summary>The 0–6 and 65+ age limits, in full years on the day asked.</summary>
    public const int ChildMaxAge = 6;
    public const int ElderlyMinAge = ElderlyRules.MinimumAge;

    /// <summary>The tags that depend on age alone; never stored.</summary>
    public const KeyPopulation AgeBound = KeyPopulation.Children0To6 | KeyPopulation.Elderly65Plus;

    /// <summary>The key-population tags of a resident on <paramref name="today"/>.</summary>
    public static KeyPopulation Classify(PersonalInfo info, DateOnly today, bool pregnant) =>
        On(Stamped(info, pregnant), info.BirthDate, today);

    /// <summary>What a record stores: the tags that do not change with age (diagnoses of 既往史, pregnancy).</summary>
    public static KeyPopulation Stamped(PersonalInfo info, bool pregnant)
    {
        var tags = KeyPopulation.None;
        // 004 孕产妇健康管理服务规范 一、服务对象: 辖区内居住的孕产妇
        if (pregnant && info.Sex == Sex.Female)
        {
            tags |= KeyPopulation.Pregnant;
        }
        foreach (var disease in info.PastDiseases)
        {
            tags |= disease.Code switch
            {
                // 004 高血压 / 2型糖尿病患者健康管理服务规范 一: the diagnosis; membership also needs the age (On)
                PastDiseaseCode.Hypertension => KeyPopulation.Hypertension,
                PastDiseaseCode.Diabetes => KeyPopulation.Diabetes,
                // 004 重性精神疾病患者管理服务规范 一、服务对象: 辖区内诊断明确、在家居住的重性精神疾病患者
                PastDiseaseCode.SevereMentalIllness => KeyPopulation.SevereMentalIllness,
                // 第三版 肺结核患者健康管理服务规范 一、服务对象: 辖区内确诊的常住肺结核患者
                PastDiseaseCode.Tuberculosis => KeyPopulation.Tuberculosis,
                _ => KeyPopulation.None,
            };
        }
        return tags;
    }

    /// <summary>The tags of a resident with <paramref name="stamped"/> facts, born on <paramref name="birthDate"/>, on <paramref name="day"/>.</summary>
    public static KeyPopulation On(KeyPopulation stamped, DateOnly birthDate, DateOnly day) =>
        Membership(stamped, IsChild(birthDate, day), birthDate <= BornBy(ElderlyMinAge, day), birthDate <= BornBy(ChronicRules.TargetAge, day));

    /// <summary>
    /// The tags given the stored facts and the three age questions: 0–6 (<paramref name="child"/>), 65 or over
    /// (<paramref name="elderly"/>), 35 or over (<paramref name="adult"/>). Queries that count by population ask the three
    /// questions in the database (<see cref="BornBy"/>) and finish here.
    /// </summary>
    public static KeyPopulation Membership(KeyPopulation stamped, bool child, bool elderly, bool adult)
    {
        var tags = stamped & ~AgeBound;
        // 004 0～6岁儿童健康管理服务规范 一、服务对象: 辖区内居住的0～6岁儿童
        if (child)
        {
            tags |= KeyPopulation.Children0To6;
        }
        // 004 老年人健康管理服务规范 一、服务对象: 辖区内65岁及以上常住居民
        if (elderly)
        {
            tags |= KeyPopulation.Elderly65Plus;
        }
        // 004 高血压 / 2型糖尿病患者健康管理服务规范 一、服务对象: 辖区内35岁及以上 … 患者
        if (!adult)
        {
            tags &= ~(KeyPopulation.Hypertension | KeyPopulation.Diabetes);
        }
        return tags;
    }

    /// <summary>0–6 in full years on <paramref name="day"/> (born, and not yet 7).</summary>
    public static bool IsChild(DateOnly birthDate, DateOnly day) => birthDate <= day && birthDate > BornBy(ChildMaxAge + 1, day);

    /// <summary>
    /// The latest birth date of someone at least <paramref name="years"/> old in full years on <paramref name="day"/>
    /// (<see cref="Age.AgeOn"/> ≥ years ⇔ born on or before it), for queries over the birth date column.
    /// </summary>
    public static DateOnly BornBy(int years, DateOnly day) => day.AddYears(-years);
}
