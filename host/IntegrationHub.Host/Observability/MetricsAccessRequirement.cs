using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Host.Observability;

/// <summary><c>GET /metrics</c>: the scraper's own bearer token (<c>Hub:Metrics:Token</c>), or whatever the admin
/// API accepts (<see cref="Contracts.HubPolicies.Admin"/>).</summary>
public sealed class MetricsAccessRequirement : IAuthorizationRequirement
{
    public const string PolicyName = "hub-metrics";
}
