using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Host.Connectivity;

/// <summary><c>/health/connectivity</c>: whether every connector passed its latest connectivity check. Tagged apart
/// from readiness: a counterparty that is down must not take the hub out of its load balancer, since the hub keeps
/// receiving and holds deliveries until it is back.</summary>
public sealed class ConnectivityHealthCheck(ConnectorCatalog connectors, ConnectivityCheckStore store) : IHealthCheck
{
    public const string Tag = "connectivity";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latest = await store.LatestAsync(cancellationToken);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failing = new List<string>();
        var notChecked = new List<string>();
        foreach (var registration in connectors.Registrations)
        {
            if (!latest.TryGetValue(registration.Id, out var check))
            {
                notChecked.Add(registration.Id);
                data[registration.Id] = "not checked yet";
                continue;
            }

            data[registration.Id] = check.Succeeded
                ? $"ok at {check.CheckedAt:O} ({check.DurationMs} ms)"
                : $"{check.FailureKind} {check.FailureCode} since {check.FailingSince:O}: {check.Problems.FirstOrDefault()}";
            if (!check.Succeeded)
            {
                failing.Add(registration.Id);
            }
        }

        if (failing.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Not reachable: {string.Join(", ", failing)}.", data: data);
        }

        return notChecked.Count > 0
            ? HealthCheckResult.Degraded($"Not checked yet: {string.Join(", ", notChecked)}.", data: data)
            : HealthCheckResult.Healthy("Every connector passed its latest check.", data);
    }
}
