namespace HealthRecords.Domain.Records;

/// <summary>生活环境 (004 附件3, rural areas): kept once per household.</summary>
public sealed record LivingEnvironment
{
    public KitchenExhaust? KitchenExhaust { get; init; }
    public FuelType? FuelType { get; init; }
    public string? FuelOther { get; init; }
    public DrinkingWater? DrinkingWater { get; init; }
    public string? DrinkingWaterOther { get; init; }
    public Toilet? Toilet { get; init; }
    public LivestockPen? LivestockPen { get; init; }
}

/// <summary>厨房排风设施.</summary>
public enum KitchenExhaust
{
    [Label("无")] None = 1,
    [Label("油烟机")] RangeHood = 2,
    [Label("换气扇")] ExhaustFan = 3,
    [Label("烟囱")] Chimney = 4,
}

/// <summary>燃料类型.</summary>
public enum FuelType
{
    [Label("液化气")] LiquefiedGas = 1,
    [Label("煤")] Coal = 2,
    [Label("天然气")] NaturalGas = 3,
    [Label("沼气")] Biogas = 4,
    [Label("柴火")] Firewood = 5,
    [Label("其他")] Other = 6,
}

/// <summary>饮水.</summary>
public enum DrinkingWater
{
    [Label("自来水")] TapWater = 1,
    [Label("经净化过滤的水")] PurifiedWater = 2,
    [Label("井水")] WellWater = 3,
    [Label("河湖水")] RiverOrLake = 4,
    [Label("塘水")] Pond = 5,
    [Label("其他")] Other = 6,
}

/// <summary>厕所.</summary>
public enum Toilet
{
    [Label("卫生厕所")] Sanitary = 1,
    [Label("一格或二格粪池式")] SingleOrDoublePit = 2,
    [Label("马桶")] Commode = 3,
    [Label("露天粪坑")] OpenPit = 4,
    [Label("简易棚厕")] SimpleShed = 5,
}

/// <summary>禽畜栏.</summary>
public enum LivestockPen
{
    [Label("单设")] Separate = 1,
    [Label("室内")] Indoor = 2,
    [Label("室外")] Outdoor = 3,
}

public static class LivingEnvironmentValidator
{
    /// <summary>Every answer must be one of the form's options, and 其他 needs its text.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(LivingEnvironment env)
    {
        var errors = new FieldErrors();
        Coded(errors, "kitchenExhaust", env.KitchenExhaust, "厨房排风设施");
        Coded(errors, "fuelType", env.FuelType, "燃料类型");
        Coded(errors, "drinkingWater", env.DrinkingWater, "饮水");
        Coded(errors, "toilet", env.Toilet, "厕所");
        Coded(errors, "livestockPen", env.LivestockPen, "禽畜栏");
        if (env.FuelType == FuelType.Other && string.IsNullOrWhiteSpace(env.FuelOther))
        {
            errors.Add("fuelOther", "燃料类型选择“其他”时请写明");
        }
        if (env.DrinkingWater == DrinkingWater.Other && string.IsNullOrWhiteSpace(env.DrinkingWaterOther))
        {
            errors.Add("drinkingWaterOther", "饮水选择“其他”时请写明");
        }
        return errors;
    }

    private static void Coded<T>(FieldErrors errors, string key, T? value, string label) where T : struct, Enum
    {
        if (value is T v && !Enum.IsDefined(v))
        {
            errors.Add(key, $"{label}的编号无效，请按表中选项填写");
        }
    }
}
