using HealthRecords.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Tests.Data;

/// <summary>
/// Each provider's migrations describe the model exactly: a model change without its migration
/// (on either database) fails here rather than at a deployment.
/// </summary>
public abstract class MigrationsTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task MigrationsMatchTheModel()
    {
        var pending = await host.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"the {host.Provider} migrations are behind the model: add a migration");
    }

    [Fact]
    public async Task EveryMigrationIsApplied()
    {
        var pending = await host.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        var applied = await host.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Contains(applied, m => m.EndsWith("_CoveringSearchIndexes", StringComparison.Ordinal));
    }
}

public sealed class SqliteMigrationsTests(SqliteHost host) : MigrationsTests<SqliteHost>(host);

public sealed class PostgresMigrationsTests(PostgresHost host) : MigrationsTests<PostgresHost>(host);
