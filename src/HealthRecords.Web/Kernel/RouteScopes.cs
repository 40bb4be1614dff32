using System.Linq.Expressions;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// What a route parameter of an endpoint names, declared where the endpoint is mapped (<see cref="RouteScopeExtensions"/>).
/// The scope sweep (<c>tests/…/Security/ScopeSweepTests</c>) reads these to call every endpoint of every module with a
/// resident in and out of the caller's scope; an undeclared parameter fails it, so a new module's endpoints are swept
/// without anyone editing the sweep.
/// </summary>
public abstract record RouteScope(string Parameter)
{
    /// <summary>The parameter is a resident's record id, tried on a record with a row of <typeparamref name="T"/> (matching <paramref name="sample"/>).</summary>
    public static RecordParameter Record<T>(string parameter, Expression<Func<T, bool>>? sample = null) where T : ServiceForm =>
        new(parameter, new FormRows<T>(sample));

    /// <summary>The parameter is the id of a <typeparamref name="T"/> (the sweep tries a row matching <paramref name="sample"/>).</summary>
    public static FormParameter Form<T>(string parameter, Expression<Func<T, bool>>? sample = null) where T : ServiceForm =>
        new(parameter, new FormRows<T>(sample));
}

/// <summary>The parameter is a resident's record id; <paramref name="Sample"/> says which records to try (null: any).</summary>
public sealed record RecordParameter(string Parameter, FormRows? Sample = null) : RouteScope(Parameter);

/// <summary>The parameter is the id of a row of a service form (its record is the resident the request is about).</summary>
public sealed record FormParameter(string Parameter, FormRows Rows) : RouteScope(Parameter);

/// <summary>The parameter takes this value in the sweep (a disease, a field name …).</summary>
public sealed record SampleParameter(string Parameter, string Value) : RouteScope(Parameter);

/// <summary>The parameter does not name a resident's data (a measure, a user); why, and which tests cover its scope.</summary>
public sealed record NotResidentParameter(string Parameter, string Why) : RouteScope(Parameter);

/// <summary>Rows of one service form (optionally filtered) the sweep takes a sample from.</summary>
public abstract class FormRows
{
    public abstract Type Form { get; }

    /// <summary>The first row (by id) whose record is among <paramref name="records"/>: its id and its record's.</summary>
    public abstract Task<(long Id, long RecordId)?> SampleAsync(HealthRecordsDbContext db, IQueryable<long> records, CancellationToken ct);
}

/// <inheritdoc />
public sealed class FormRows<T>(Expression<Func<T, bool>>? where = null) : FormRows where T : ServiceForm
{
    public override Type Form => typeof(T);

    public override async Task<(long Id, long RecordId)?> SampleAsync(HealthRecordsDbContext db, IQueryable<long> records, CancellationToken ct)
    {
        var rows = db.Set<T>().AsNoTracking().Where(f => records.Contains(f.HealthRecordId));
        if (where is not null)
        {
            rows = rows.Where(where);
        }
        var row = await rows.OrderBy(f => f.Id).Select(f => new { f.Id, f.HealthRecordId }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.HealthRecordId);
    }
}

/// <summary>
/// Declaring what an endpoint's (or a group's) route parameters name; for forms use
/// <c>.WithMetadata(RouteScope.Form&lt;T&gt;("id"))</c>.
/// </summary>
public static class RouteScopeExtensions
{
    /// <summary>The parameter is a resident's record id.</summary>
    public static TBuilder ForRecord<TBuilder>(this TBuilder builder, string parameter = "id") where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RecordParameter(parameter));

    /// <summary>The parameter takes <paramref name="value"/> in the sweep.</summary>
    public static TBuilder Sample<TBuilder>(this TBuilder builder, string parameter, string value) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SampleParameter(parameter, value));

    /// <summary>The parameter names no resident's data; <paramref name="why"/> says what it names and where its scope is tested.</summary>
    public static TBuilder NotResidentData<TBuilder>(this TBuilder builder, string parameter, string why) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotResidentParameter(parameter, why));
}
