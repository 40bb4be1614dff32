using Microsoft.Data.Sqlite;
using Npgsql;

namespace HealthRecords.Web.Features.Setup;

/// <summary>The host must not start as configured; the message tells the operator what to change.</summary>
public class StartupRefusedException(string message) : Exception(message);

/// <summary>What the configuration says about the start, before anything touches a database.</summary>
public sealed record StartupFindings(string Summary, IReadOnlyList<string> Refusals, IReadOnlyList<string> Warnings);

/// <summary>
/// Start-up checks of the configuration (issue #16): which database and host (never the password) for the first log
/// lines; a PostgreSQL connection string without <c>Database:Provider=Postgres</c> is refused (it would start an empty
/// SQLite database); outside the demo the key directory must be configured as an absolute path; a key directory inside
/// the SQLite database's directory is warned about.
/// </summary>
public static class StartupChecks
{
    public static bool IsDemo(IConfiguration config) => config.GetValue("Demo:Enabled", false);

    public static StartupFindings Examine(IConfiguration config)
    {
        var refusals = new List<string>();
        var warnings = new List<string>();
        var provider = config["Database:Provider"];
        var connection = config.GetConnectionString("HealthRecords");
        var postgres = DatabaseSetup.IsPostgres(config);
        if (!string.IsNullOrWhiteSpace(provider) && !postgres && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            refusals.Add($"Database:Provider is '{provider}': set it to Postgres or Sqlite.");
        }
        string database;
        if (postgres)
        {
            database = connection is null ? "PostgreSQL (no connection string)" : DescribePostgres(connection);
            if (connection is null)
            {
                refusals.Add("Database:Provider is Postgres but ConnectionStrings:HealthRecords is not set.");
            }
        }
        else if (connection is not null && LooksLikePostgres(connection))
        {
            database = "SQLite? (the connection string is PostgreSQL's)";
            refusals.Add("ConnectionStrings:HealthRecords is a PostgreSQL connection string, but Database:Provider is not Postgres: " +
                "the app would start an empty SQLite database instead. Set Database__Provider=Postgres.");
        }
        else
        {
            database = $"SQLite, file {SqliteFile(config)}";
        }

        var keys = FieldProtector.KeysDirectory(config);
        var configuredKeys = config["DataProtection:KeysPath"];
        if (!IsDemo(config))
        {
            if (string.IsNullOrWhiteSpace(configuredKeys))
            {
                refusals.Add("DataProtection:KeysPath is not set. Outside the demo, set it to an absolute directory kept apart from the " +
                    "database (e.g. /var/lib/healthrecords/keys): the field keys there are needed to read ID numbers and phones.");
            }
            else if (!Path.IsPathRooted(configuredKeys))
            {
                refusals.Add($"DataProtection:KeysPath '{configuredKeys}' is relative, so it depends on the working directory. Set an absolute path.");
            }
        }
        if (!postgres && SqliteFile(config) is { } file && IsInside(keys, Path.GetDirectoryName(file)!))
        {
            warnings.Add($"The key directory {keys} is inside the database's directory {Path.GetDirectoryName(file)}: a copy of that directory " +
                "carries the keys with the data. Set DataProtection:KeysPath to a directory kept apart (docs/operations.md, \"Keys\").");
        }
        var keyFile = File.Exists(Path.Combine(keys, FieldProtector.KeyFileName)) ? "key file present" : "no key file yet";
        var summary = $"Database: {database}; keys: {keys} ({keyFile}); demo: {(IsDemo(config) ? "on" : "off")}";
        return new StartupFindings(summary, refusals, warnings);
    }

    /// <summary>Provider, hosts, database and user of a PostgreSQL connection string; never the password.</summary>
    public static string DescribePostgres(string connection)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connection);
            var port = b.Port == NpgsqlConnection.DefaultPort ? "" : $" (port {b.Port})";
            var target = string.IsNullOrEmpty(b.TargetSessionAttributes) ? "" : $", target {b.TargetSessionAttributes}";
            return $"PostgreSQL, host {b.Host}{port}, database {b.Database}, user {b.Username}{target}";
        }
        catch (ArgumentException e)
        {
            throw new StartupRefusedException($"ConnectionStrings:HealthRecords cannot be read as a PostgreSQL connection string: {e.Message}");
        }
    }

    /// <summary>A connection string with PostgreSQL's keywords, which SQLite's builder does not know.</summary>
    public static bool LooksLikePostgres(string connection)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connection);
            return false;
        }
        catch (ArgumentException)
        {
            try
            {
                var b = new NpgsqlConnectionStringBuilder(connection);
                return !string.IsNullOrEmpty(b.Host);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    private static string? SqliteFile(IConfiguration config)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(config.GetConnectionString("HealthRecords") ?? "Data Source=data/healthrecords.db").DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsInside(string path, string directory)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(directory), Path.GetFullPath(path));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
