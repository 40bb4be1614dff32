namespace HealthRecords.Domain.Examinations;

/// <summary>体质指数 (004 附件4 填表说明 3): 体质指数 = 体重(kg) / 身高的平方(m²).</summary>
public static class Bmi
{
    /// <summary>BMI in kg/m² rounded to one decimal (away from zero), or null without a plausible height and weight.</summary>
    public static decimal? Compute(decimal? heightCm, decimal? weightKg)
    {
        if (heightCm is not decimal h || weightKg is not decimal w || h <= 0 || w <= 0)
        {
            return null;
        }
        var metres = h / 100m;
        return Math.Round(w / (metres * metres), 1, MidpointRounding.AwayFromZero);
    }
}
