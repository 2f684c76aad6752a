using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Ready when PostgreSQL takes a query. When it does not, the pools forget their idle connections and host roles
/// (<see cref="ConnectionPoolReset"/>): the next check, or any connection, finds a standby promoted meanwhile at once.</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, ConnectionPoolReset poolReset) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Not for a slow answer: a busy database keeps its connections.
            if (DatabaseUnavailable.Is(e) && e.InnerException is not TimeoutException)
            {
                poolReset.Reset();
            }

            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable: " + e.Message);
        }
    }
}
