using Microsoft.AspNetCore.Authorization;

namespace IntegrationHub.Host.Admin;

/// <summary>The dashboard and admin API: a signed-in officer with <see cref="Role"/>, or (Development only) anyone on
/// loopback, who has every role. One requirement per policy of <see cref="OfficerRoles.Policies"/>.</summary>
public sealed class AdminAccessRequirement(string role) : IAuthorizationRequirement
{
    public const string PolicyName = Contracts.HubPolicies.Admin;

    public string Role { get; } = role;
}
