namespace HealthRecords.Web.Kernel;

/// <summary>
/// One area of the system (residents, households, examinations, every service) declaring in one place what it adds to
/// the host: its services and use cases, its endpoints, and through <see cref="ModuleBuilder"/> its menu entries,
/// resident-overview panels, work-list sources, measures, portal sections and print pages, and its demo data
/// (<see cref="AddDemoDataAsync"/>). Its EF model is
/// its <see cref="IEntityConfiguration"/> classes, found by <see cref="ModelConfigurations"/>.
/// <para>
/// Modules are discovered: every non-abstract subclass in the host assembly (and any named in <c>Modules:Extra</c>) is
/// instantiated once by <see cref="ModuleCatalog"/>. The host (<c>Program</c>, <c>ServiceRegistration</c>, the menu, the
/// overview page, the model configuration) loops over them and names no area, so a new service adds a module class in
/// its own folder and touches nothing else. Copy <c>Features/Examinations/ExaminationsModule.cs</c>.
/// </para>
/// </summary>
public abstract class ServiceModule
{
    /// <summary>The area's key, e.g. "examinations": tags its endpoints and names it in diagnostics.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Where the module stands among the others (lower first): the order its services are registered, its endpoints
    /// mapped and its demo data made. Menu entries and overview panels carry their own order.
    /// </summary>
    public abstract int Order { get; }

    /// <summary>Registers what the module contributes: <c>module.Services</c>, menu entries, panels, sources, measures …</summary>
    public virtual void Register(ModuleBuilder module)
    {
    }

    /// <summary>Maps the module's endpoints. The host tags each with the module (<see cref="ModuleEndpoint"/>).</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>
    /// The Chinese labels of the work-list services and kinds the module's sources emit (<c>DueItem.Service</c> /
    /// <c>DueItem.Kind</c>), read by <c>WorkListLabels</c>: a module names its own items, the work list names none.
    /// </summary>
    public virtual DueLabels WorkListLabels => DueLabels.None;

    /// <summary>Adds the module's demo data to a freshly loaded demo county (modules run in order, after the residents).</summary>
    public virtual Task AddDemoDataAsync(Data.HealthRecordsDbContext db, TimeProvider time, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// A module's work-list labels: service key → label, kind key → label, and kind prefix → label for kinds made per item
/// (e.g. "vaccine:" for "vaccine:&lt;series&gt;:&lt;dose&gt;").
/// </summary>
public sealed record DueLabels(IReadOnlyDictionary<string, string> Services, IReadOnlyDictionary<string, string> Kinds)
{
    public static readonly DueLabels None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> KindPrefixes { get; init; } = new Dictionary<string, string>();
}

/// <summary>Endpoint metadata: the module that mapped the endpoint.</summary>
public sealed record ModuleEndpoint(string Module);

/// <summary>A link in the navigation menu, shown to users who satisfy <paramref name="Policy"/> (null: every signed-in user).</summary>
/// <param name="Order">Position in the menu (the host's 首页 is 0, API 文档 last).</param>
public sealed record MenuEntry(string Href, string Label, string Icon, string? Policy, int Order);

/// <summary>
/// A panel of the resident overview page: a component with one parameter, <c>Overview</c>
/// (<see cref="OverviewPanelBase"/>), placed by <paramref name="Order"/>.
/// </summary>
public sealed record OverviewPanel(Type Component, int Order);

/// <summary>
/// A print page of the module: its route template ("{id}" the record, "{formId}" a row of <paramref name="Rows"/>), the
/// audit action its opening writes, and the form whose rows it prints (null: the record itself). The scope sweep opens
/// every declared print page in and out of scope.
/// </summary>
public sealed record PrintPage(string Route, string AuditAction, FormRows? Rows = null)
{
    /// <summary>The module that declared the page.</summary>
    public string Module { get; init; } = "";
}
