using System.Globalization;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Host.Observability;

/// <summary>Degraded while inbox messages are parked or the oldest message a flow reads has waited longer than
/// <c>Inbound:RoutingStallAge</c>: pushes are still accepted (readiness keeps HTTP 200, so a load balancer keeps sending),
/// but the JSON says that what was accepted does not reach its flows.</summary>
public sealed class InboxRoutingHealthCheck(InboxRoutingMonitor monitor, IOptions<InboundOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        InboxRoutingStatus status;
        try
        {
            status = await monitor.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The inbox cannot be read: " + e.Message);
        }

        var problems = new List<string>();
        if (status.Parked > 0)
        {
            problems.Add($"{status.Parked.ToString(CultureInfo.InvariantCulture)} inbox message(s) could not be routed and are parked (GET /api/inbox/parked).");
        }

        var settings = options.Value;
        if (status.OldestWait is { } wait && wait > settings.RoutingStallAge)
        {
            problems.Add($"The oldest inbox message a flow reads has waited {Seconds(wait)} to be routed (Inbound:RoutingStallAge {Seconds(settings.RoutingStallAge)})"
                + (settings.RoutingEnabled ? "." : "; routing is paused (Inbound:RoutingEnabled=false)."));
        }

        return problems.Count == 0 ? HealthCheckResult.Healthy("Inbox routing keeps up.") : HealthCheckResult.Degraded(string.Join(" ", problems));
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
}
