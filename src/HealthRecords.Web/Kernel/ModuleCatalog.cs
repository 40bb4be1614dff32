using System.Reflection;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The host's modules, found once by an assembly scan, and what they declared: menu entries, overview panels and print
/// pages, each in order. A singleton; pages read it to loop over what the modules contribute.
/// </summary>
public sealed class ModuleCatalog
{
    /// <summary>Configuration key: assembly-qualified type names of modules to add to the scanned ones (tests add modules this way).</summary>
    public const string ExtraModulesKey = "Modules:Extra";

    private readonly List<MenuEntry> menu = [];
    private readonly List<OverviewPanel> panels = [];
    private readonly List<PrintPage> printPages = [];

    private ModuleCatalog(IReadOnlyList<ServiceModule> modules) => Modules = modules;

    /// <summary>Every module, by <see cref="ServiceModule.Order"/> then name.</summary>
    public IReadOnlyList<ServiceModule> Modules { get; }

    public IReadOnlyList<MenuEntry> Menu => menu;
    public IReadOnlyList<OverviewPanel> OverviewPanels => panels;
    public IReadOnlyList<PrintPage> PrintPages => printPages;

    /// <summary>The modules of the host assembly and those named in <see cref="ExtraModulesKey"/>, registered into <paramref name="services"/>.</summary>
    public static ModuleCatalog Register(IServiceCollection services, IConfiguration configuration)
    {
        var extra = configuration.GetSection(ExtraModulesKey).Get<string[]>() ?? (configuration[ExtraModulesKey] is { Length: > 0 } one ? one.Split(';') : []);
        var modules = Ordered(HostModules.Concat(extra.Select(name => Create(Type.GetType(name, throwOnError: true)!))));
        var duplicate = modules.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two modules are named \"{duplicate.Key}\".");
        }
        var catalog = new ModuleCatalog(modules);
        foreach (var module in modules)
        {
            module.Register(new ModuleBuilder(module, services, configuration, catalog));
        }
        catalog.menu.Sort((a, b) => a.Order.CompareTo(b.Order));
        catalog.panels.Sort((a, b) => a.Order.CompareTo(b.Order));
        services.AddSingleton(catalog);
        return catalog;
    }

    internal void Add(MenuEntry entry) => menu.Add(entry);
    internal void Add(OverviewPanel panel) => panels.Add(panel);
    internal void Add(PrintPage page) => printPages.Add(page);

    /// <summary>The modules of the host assembly, in order: scanned once per process.</summary>
    public static IReadOnlyList<ServiceModule> HostModules => Scanned.Value;

    private static readonly Lazy<IReadOnlyList<ServiceModule>> Scanned = new(() => Ordered(
        typeof(ServiceModule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(ServiceModule)))
            .Select(Create)));

    private static List<ServiceModule> Ordered(IEnumerable<ServiceModule> modules) =>
        modules.OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

    private static ServiceModule Create(Type type) =>
        type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } ctor
            ? (ServiceModule)ctor.Invoke(null)
            : throw new InvalidOperationException($"{type}: a module needs a public parameterless constructor.");
}

/// <summary>Adds the modules to the host and maps their endpoints.</summary>
public static class ModuleHosting
{
    public static ModuleCatalog AddModules(this IServiceCollection services, IConfiguration configuration) =>
        ModuleCatalog.Register(services, configuration);

    /// <summary>Maps every module's endpoints, each tagged with its module (<see cref="ModuleEndpoint"/>).</summary>
    public static void MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in app.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            var group = app.MapGroup("").WithMetadata(new ModuleEndpoint(module.Name));
            module.MapEndpoints(group);
        }
    }
}
