namespace HealthRecords.Web.Features.Measures;

/// <summary>
/// The resident population (常住人口) and prevalences for estimated denominators, from configuration:
/// <c>Measures:Population:{code}</c> for a township (9 digits) or, optionally, a village (12 digits), and
/// <c>Measures:Prevalence:{key}</c> as a fraction (0.18 = 18%). A figure the administrator set on the county's page
/// (<see cref="Regions.CountyFigureStore"/>) takes precedence over configuration. See docs/measures.md.
/// </summary>
public sealed class MeasurePopulation(IConfiguration config, Regions.CountyFigureStore? figures = null)
{
    /// <summary>The resident population of a township or village (the county page's, else configuration's), or null when not set.</summary>
    public long? Population(string code) =>
        figures?.Get($"{Regions.CountyFiguresAdmin.PopulationPrefix}{code}") is { } set ? (long)set
        : long.TryParse(config[$"Measures:Population:{code}"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    /// <summary>The prevalence of <paramref name="key"/> (the county page's, else configuration's); 1 for a measure over the whole population (null key).</summary>
    public double? Prevalence(string? key) =>
        key is null ? 1.0
        : figures?.Get($"{Regions.CountyFiguresAdmin.PrevalencePrefix}{key}") is { } set ? (double)set
        : double.TryParse(config[$"Measures:Prevalence:{key}"], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1 ? p : null;

    /// <summary>Population × prevalence, rounded; null when either is missing.</summary>
    public static long? Estimate(long? population, double? prevalence) =>
        population is { } n && prevalence is { } p ? (long)Math.Round(n * p, MidpointRounding.AwayFromZero) : null;
}
