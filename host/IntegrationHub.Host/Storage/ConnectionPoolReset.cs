using IntegrationHub.Host.Inbound;
using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Forgets what the hub's connection pools know of the database once it is found unreachable. Idle connections
/// may lead to a server that died (a failover, or a restart behind a virtual IP or HAProxy): each would fail one request
/// after the database is back. And Npgsql keeps the roles of a multi-host string's hosts (primary, standby, offline) for
/// <c>Host Recheck Seconds</c> (10 s by default), so a standby promoted meanwhile would be passed over as a standby that
/// long, with every write refused.</summary>
public sealed class ConnectionPoolReset(NpgsqlDataSource dataSource, [FromKeyedServices(InboxDataSource.Key)] NpgsqlDataSource inboxDataSource)
{
    public void Reset()
    {
        foreach (var pool in new[] { dataSource, inboxDataSource })
        {
            pool.Clear();
            (pool as NpgsqlMultiHostDataSource)?.ClearDatabaseStates();
        }
    }
}
