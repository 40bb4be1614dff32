using HealthRecords.Web.Data;
using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HealthRecords.Web.Tests.Data;

/// <summary>
/// The host's PostgreSQL session settings (docs/performance.md): its connections run without JIT unless the
/// configuration says otherwise, and <see cref="ConcurrentQueries"/> turns off parallel workers only for the
/// queries it runs side by side (SET LOCAL), leaving pooled connections as it found them — which is why a pooled
/// connection can go back without DISCARD ALL (No Reset On Close).
/// </summary>
public sealed class PostgresSessionSettingsTests(PostgresHost host) : IClassFixture<PostgresHost>
{
    [Fact]
    public void JitIsTurnedOffUnlessTheConfigurationSetsIt()
    {
        Assert.Equal("-c jit=off", new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=hr")).Options);
        Assert.Equal("-c statement_timeout=5000 -c jit=off",
            new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Options=-c statement_timeout=5000")).Options);
        Assert.Equal("-c jit=on", new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Options=-c jit=on")).Options);
    }

    [Fact]
    public void PooledConnectionsAreNotResetUnlessTheConfigurationAsks()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;Database=hr")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSetup.PostgresConnectionString("Host=db;No Reset On Close=false")).NoResetOnClose);
    }

    [Fact]
    public async Task TheHostsConnectionsRunWithoutJit()
    {
        Assert.Equal("off", await host.WithDbAsync(db => SettingAsync(db, "jit")));
    }

    [Fact]
    public async Task ConcurrentQueriesRunWithoutParallelWorkersAndLeaveThePoolAsItWas()
    {
        var serverDefault = await ServerDefaultAsync("max_parallel_workers_per_gather");
        Assert.NotEqual("0", serverDefault);

        string[] inside;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            inside = await scope.ServiceProvider.GetRequiredService<ConcurrentQueries>().RunAsync<string>(
                [own => SettingAsync(own, "max_parallel_workers_per_gather"), own => SettingAsync(own, "max_parallel_workers_per_gather")],
                CancellationToken.None);
        }
        Assert.Equal(["0", "0"], inside);

        // The same pooled connections, handed out again: the setting ended with the query's transaction.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(serverDefault, await host.WithDbAsync(db => SettingAsync(db, "max_parallel_workers_per_gather")));
        }
    }

    private static Task<string> SettingAsync(HealthRecordsDbContext db, string name) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();

    /// <summary>The server's own value, on a connection without the host's options.</summary>
    private async Task<string> ServerDefaultAsync(string name)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(host.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT current_setting($1)", conn) { Parameters = { new() { Value = name } } };
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
