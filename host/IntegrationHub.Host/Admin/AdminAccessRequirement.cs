using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Host.Admin;

/// <summary>The dashboard and admin API: a logged-in admin, or (Development only) anyone on loopback.</summary>
public sealed class AdminAccessRequirement : IAuthorizationRequirement
{
    public const string PolicyName = Contracts.HubPolicies.Admin;
}
