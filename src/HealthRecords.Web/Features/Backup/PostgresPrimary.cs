using Npgsql;

namespace HealthRecords.Web.Features.Backup;

/// <summary>The one PostgreSQL server that is the primary now, and the libpq environment that points a tool at it.</summary>
public sealed record PostgresPrimary(string Host, int Port, string Database, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Connects with the configured connection string, whatever its form, requiring a primary (read-write) server, and
    /// returns the server Npgsql reached. Refuses when no listed host is a primary.
    /// </summary>
    public static async Task<PostgresPrimary> FindAsync(string connectionString, CancellationToken ct)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new BackupException($"ConnectionStrings:HealthRecords cannot be read: {e.Message}");
        }
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new BackupException("ConnectionStrings:HealthRecords names no Database.");
        }
        string host;
        int port;
        try
        {
            await using var connection = await OpenAsync(connectionString, "HealthRecords-backup", ct);
            host = connection.Host ?? builder.Host!;
            port = connection.Port;
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"No primary PostgreSQL server could be reached among '{builder.Host}': {e.Message}");
        }
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = host,
            ["PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = builder.Database,
            ["PGTARGETSESSIONATTRS"] = "read-write",
            ["PGAPPNAME"] = "HealthRecords-backup",
            ["PGSSLMODE"] = builder.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (!string.IsNullOrEmpty(builder.Username))
        {
            environment["PGUSER"] = builder.Username;
        }
        if (!string.IsNullOrEmpty(builder.Password))
        {
            environment["PGPASSWORD"] = builder.Password;
        }
        return new PostgresPrimary(host, port, builder.Database, environment);
    }

    /// <summary>
    /// An unpooled connection to the primary: among several hosts Npgsql picks it (<c>Target Session Attributes=primary</c>,
    /// which Npgsql allows only with several hosts); a single host is checked to be out of recovery. Throws
    /// <see cref="NpgsqlException"/> when no primary is reachable.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, string applicationName, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = applicationName };
        var several = builder.Host?.Contains(',', StringComparison.Ordinal) == true;
        builder.TargetSessionAttributes = several ? "primary" : null;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (!several)
            {
                await using var recovery = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
                if ((bool)(await recovery.ExecuteScalarAsync(ct))!)
                {
                    throw new NpgsqlException($"{builder.Host} is a standby (in recovery), not the primary");
                }
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
