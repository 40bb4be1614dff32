using HealthRecords.Web.Features.Measures;
using HealthRecords.Web.Features.Portal;
using HealthRecords.Web.Features.WorkList;

namespace HealthRecords.Web.Kernel;

/// <summary>What a module registers through, in <see cref="ServiceModule.Register"/>: the DI container and the host's extension points.</summary>
public sealed class ModuleBuilder
{
    private readonly ModuleCatalog catalog;

    internal ModuleBuilder(ServiceModule module, IServiceCollection services, IConfiguration configuration, ModuleCatalog catalog)
    {
        Module = module;
        Services = services;
        Configuration = configuration;
        this.catalog = catalog;
    }

    public ServiceModule Module { get; }
    public IServiceCollection Services { get; }
    public IConfiguration Configuration { get; }

    /// <summary>Registers use cases (scoped services), one per type.</summary>
    public ModuleBuilder UseCases(params Type[] types)
    {
        foreach (var type in types)
        {
            Services.AddScoped(type);
        }
        return this;
    }

    /// <summary>Any other registration, in the chain.</summary>
    public ModuleBuilder Also(Action<IServiceCollection> register)
    {
        register(Services);
        return this;
    }

    /// <summary>A work-list source: the module's schedule over the user's scope.</summary>
    public ModuleBuilder WorkList<T>() where T : class, IDueItemSource
    {
        Services.AddScoped<IDueItemSource, T>();
        return this;
    }

    /// <summary>A 考核指标 the measures engine counts.</summary>
    public ModuleBuilder Measure<T>() where T : class, IMeasure
    {
        Services.AddScoped<IMeasure, T>();
        return this;
    }

    /// <summary>A 考核指标 made by a factory (one class serving several definitions).</summary>
    public ModuleBuilder Measure(Func<IMeasure> make)
    {
        Services.AddScoped(_ => make());
        return this;
    }

    /// <summary>The module's services delivered, for 健康档案使用率.</summary>
    public ModuleBuilder ServiceEvents<T>() where T : class, IServiceEventSource
    {
        Services.AddScoped<IServiceEventSource, T>();
        return this;
    }

    /// <summary>A section of the resident portal (replaces the placeholder with the same key).</summary>
    public ModuleBuilder PortalSection<T>() where T : class, IPortalSection
    {
        Services.AddScoped<IPortalSection, T>();
        return this;
    }

    public ModuleBuilder Menu(string href, string label, string icon, string? policy, int order)
    {
        catalog.Add(new MenuEntry(href, label, icon, policy, order));
        return this;
    }

    /// <summary>A panel of the resident overview page (a component deriving from <see cref="OverviewPanelBase"/>).</summary>
    public ModuleBuilder OverviewPanel<TComponent>(int order) where TComponent : OverviewPanelBase
    {
        catalog.Add(new OverviewPanel(typeof(TComponent), order));
        return this;
    }

    /// <summary>Declares a print page of the record ("{id}" in the route), so the scope sweep and the docs find it.</summary>
    public ModuleBuilder PrintPage(string route, string auditAction)
    {
        catalog.Add(new PrintPage(route, auditAction) { Module = Module.Name });
        return this;
    }

    /// <summary>Declares a print page of a form: "{formId}" in the route is a row of <typeparamref name="T"/> (matching <paramref name="sample"/>).</summary>
    public ModuleBuilder PrintPage<T>(string route, string auditAction, System.Linq.Expressions.Expression<Func<T, bool>>? sample = null) where T : ServiceForm
    {
        catalog.Add(new PrintPage(route, auditAction, new FormRows<T>(sample)) { Module = Module.Name });
        return this;
    }
}
