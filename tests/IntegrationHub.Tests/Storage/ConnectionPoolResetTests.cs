using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Storage;

/// <summary>Npgsql keeps a multi-host string's host roles for Host Recheck Seconds: after a failover it passes the promoted
/// standby over as a standby until then. <see cref="ConnectionPoolReset.Reset"/> makes the next connection ask again.</summary>
public sealed class ConnectionPoolResetTests
{
    [Fact]
    public async Task A_promoted_standby_is_found_at_once_after_a_reset_not_when_npgsql_would_recheck_the_host_roles()
    {
        await using var databases = await ReplicatedPostgres.StartAsync();
        // A recheck far longer than the test: whatever is found after the promotion is found by forgetting, not by expiry.
        var connectionString = new NpgsqlConnectionStringBuilder(databases.MultiHostConnectionString) { HostRecheckSeconds = 600, Timeout = 5 }.ConnectionString;
        await using var main = NpgsqlDataSource.Create(connectionString);
        await using var inbox = NpgsqlDataSource.Create(connectionString);
        var reset = new ConnectionPoolReset(main, inbox);
        Assert.Equal(databases.PrimaryPort, await ServerPortAsync(main));
        Assert.Equal(databases.PrimaryPort, await ServerPortAsync(inbox));

        // Primary gone, standby not yet promoted: the pooled connection to the primary breaks, then no host takes writes
        // (the primary is known offline now, the standby a standby).
        await databases.KillPrimaryAsync();
        foreach (var dataSource in new[] { main, inbox })
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ServerPortAsync(dataSource));
            var none = await Assert.ThrowsAnyAsync<NpgsqlException>(() => ServerPortAsync(dataSource));
            Assert.Equal("No suitable host was found.", none.Message);
        }

        await databases.PromoteStandbyAsync();
        Assert.False(await databases.StandbyIsInRecoveryAsync());
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ServerPortAsync(main)); // still remembered as a standby

        reset.Reset();
        Assert.Equal(databases.StandbyPort, await ServerPortAsync(main));
        Assert.Equal(databases.StandbyPort, await ServerPortAsync(inbox));
    }

    private static async Task<int> ServerPortAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select inet_server_port()");
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
