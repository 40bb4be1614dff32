using Microsoft.Data.Sqlite;
using Npgsql;

namespace HealthRecords.Web.Tests.Infrastructure;

/// <summary>Creates a fresh, real database for a fixture: a PostgreSQL database on the throwaway server test.sh starts, or a SQLite file.</summary>
public static class TestDatabases
{
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("HR_TEST_POSTGRES")
        ?? throw new InvalidOperationException("HR_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    public static async Task<string> CreatePostgresAsync()
    {
        var name = $"hr_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(PostgresServer))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static async Task DropPostgresAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static string CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hr-test-{Guid.NewGuid():N}.db");
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
    }

    public static void DropSqlite(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(f))
            {
                File.Delete(f);
            }
        }
    }
}
