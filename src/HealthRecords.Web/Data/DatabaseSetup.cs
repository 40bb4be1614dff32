using System.Runtime.Loader;

namespace HealthRecords.Web.Data;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> = <c>Sqlite</c> (the embedded default,
/// one file) or <c>Postgres</c>; <c>ConnectionStrings:HealthRecords</c>. Each provider has its own
/// migrations assembly, applied at start.
/// </summary>
public static class DatabaseSetup
{
    public const string PostgresMigrations = "HealthRecords.Migrations.Postgres";
    public const string SqliteMigrations = "HealthRecords.Migrations.Sqlite";

    public static bool IsPostgres(IConfiguration config) =>
        string.Equals(config["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IConfiguration config)
    {
        var connection = config.GetConnectionString("HealthRecords");
        if (IsPostgres(config))
        {
            options.UseNpgsql(PostgresConnectionString(connection ?? throw new InvalidOperationException("ConnectionStrings:HealthRecords is required for PostgreSQL.")),
                o => o.MigrationsAssembly(PostgresMigrations));
        }
        else
        {
            connection ??= "Data Source=data/healthrecords.db";
            EnsureFolder(connection);
            options.UseSqlite(connection, o => o.MigrationsAssembly(SqliteMigrations));
        }
        return options;
    }

    /// <summary>
    /// The configured PostgreSQL connection string with the host's session settings (and <c>No Reset On Close</c>, below): <c>jit=off</c> unless the
    /// configuration sets <c>jit</c> itself (in <c>Options</c>). The host's queries are short lookups and index-only
    /// counts; PostgreSQL's JIT compiles every query whose estimated cost passes <c>jit_above_cost</c>, which costs more
    /// than it saves on these (the county dashboard at 1,000,000 residents: 3.4 s with JIT, 2.1 s without;
    /// docs/performance.md).
    /// </summary>
    public static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (builder.Options is not { } options || !options.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }
        // A pooled connection goes back without DISCARD ALL unless the configuration says otherwise: the host keeps no
        // session state (its one setting, SET LOCAL in ConcurrentQueries, ends with its transaction), and the reset
        // costs PostgreSQL work on every lease (issue #13, the write path's cost).
        if (!configured.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase) && !configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>
    /// Applies pending migrations, proves the field key is the database's (<see cref="Features.Keys.FieldKeyGuard"/>), and then the one-time data steps that go with them (encrypting values written before
    /// encryption: <see cref="Features.Privacy.EncryptExistingValues"/>), so every path that migrates a database (host,
    /// bench, tests) leaves it in the same state. On SQLite also switches to WAL so readers do not block the writer.
    /// </summary>
    public static async Task MigrateAsync(HealthRecordsDbContext db, ILogger? logger = null, CancellationToken ct = default)
    {
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
        logger ??= Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        await Features.Keys.FieldKeyGuard.CheckAsync(db, logger, ct); // before anything is written with the key
        await Features.Privacy.EncryptExistingValues.RunAsync(db, logger, ct);
    }

    /// <summary>
    /// The migrations assemblies reference this host (they need its DbContext), so the host cannot reference
    /// them; their builds copy them beside the host, and this resolver loads them from there.
    /// </summary>
    public static void ResolveMigrationsAssemblies() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (PostgresMigrations or SqliteMigrations))
            {
                return null;
            }
            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };

    private static void EnsureFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(dir);
        }
    }
}
