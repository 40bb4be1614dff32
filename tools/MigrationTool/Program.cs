// Scaffolds an EF Core migration for both providers without the dotnet-ef tool (not on the package feed here).
// Usage: dotnet run --project tools/MigrationTool -- <MigrationName>
using HealthRecords.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MigrationTool <MigrationName>");
    return 2;
}
var name = args[0];
var root = FindRoot();

Scaffold("Postgres", DatabaseSetup.PostgresMigrations, o => o.UseNpgsql("Host=localhost", x => x.MigrationsAssembly(DatabaseSetup.PostgresMigrations)),
    s => new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(s));
Scaffold("Sqlite", DatabaseSetup.SqliteMigrations, o => o.UseSqlite("Data Source=:memory:", x => x.MigrationsAssembly(DatabaseSetup.SqliteMigrations)),
    s => new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(s));
return 0;

void Scaffold(string provider, string assembly, Action<DbContextOptionsBuilder<HealthRecordsDbContext>> configure, Action<IServiceCollection> providerServices)
{
    var options = new DbContextOptionsBuilder<HealthRecordsDbContext>();
    configure(options);
    using var db = new HealthRecordsDbContext(options.Options);
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    providerServices(services);
    using var sp = services.BuildServiceProvider();
    var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, assembly, "Migrations", "C#");
    var dir = Path.Combine(root, "src", assembly);
    var files = scaffolder.Save(dir, migration, Path.Combine(dir, "Migrations"));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HealthRecords.slnx")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? throw new InvalidOperationException("HealthRecords.slnx not found");
}
