using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Tells a database that is away (restarting, failing over, unreachable) from an error of the work itself.</summary>
public static class DatabaseUnavailable
{
    /// <summary>True when the link to PostgreSQL failed or timed out, the client found no server to use (during a failover Npgsql finds
    /// "no suitable host": the primary is gone, the standby not yet promoted), or the server is shutting down, starting or
    /// read-only. A server's other errors (<see cref="PostgresException"/>: a constraint, a missing table) are not.
    /// Inner exceptions count too: Hangfire and Quartz wrap the driver's.</summary>
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if ((e is NpgsqlException && e is not PostgresException)
                || e is PostgresException { IsTransient: true }
                || e is PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown })
            {
                return true;
            }
        }

        return false;
    }
}
