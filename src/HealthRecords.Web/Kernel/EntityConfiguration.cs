namespace HealthRecords.Web.Kernel;

/// <summary>What a configuration may depend on: the provider (PostgreSQL-only indexes, the JSON column type).</summary>
/// <param name="Protector">The context's field key: documents holding ID numbers or phones are written with it (null at design time).</param>
public sealed record ModelOptions(bool Postgres, FieldProtector? Protector = null)
{
    /// <summary><c>jsonb</c> on PostgreSQL, <c>TEXT</c> on SQLite.</summary>
    public string JsonColumnType => Postgres ? "jsonb" : "TEXT";
}

/// <summary>
/// The EF configuration of one table (or a few tables of one area): keys, lengths, documents, indexes. Every
/// implementation in the host assembly is found and applied by <see cref="ModelConfigurations"/>; an area keeps its
/// configurations beside its entities. For a service form derive from <see cref="FormConfiguration{T}"/>.
/// </summary>
public interface IEntityConfiguration
{
    void Configure(ModelBuilder model, ModelOptions options);
}

/// <summary>Finds every <see cref="IEntityConfiguration"/> of the host assembly once and applies them, in type-name order.</summary>
public static class ModelConfigurations
{
    private static readonly Lazy<IReadOnlyList<IEntityConfiguration>> All = new(() =>
        typeof(IEntityConfiguration).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IEntityConfiguration).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IEntityConfiguration)Activator.CreateInstance(t)!)
            .ToList());

    public static void Apply(ModelBuilder model, ModelOptions options)
    {
        foreach (var configuration in All.Value)
        {
            configuration.Configure(model, options);
        }
    }
}
