using System.Security.Claims;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin;

/// <summary>The signed-in officer as the hub's policies read them: the login name as the identity's name, the display
/// name (<see cref="OperatorName.DisplayNameClaim"/>) and one role claim per role, whichever way they signed in.</summary>
public static class OfficerPrincipal
{
    public static ClaimsPrincipal Create(string username, string? displayName, IEnumerable<string> roles, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, username) };
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            claims.Add(new Claim(OperatorName.DisplayNameClaim, displayName.Trim()));
        }

        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static IReadOnlyList<string> Roles(ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(r => OfficerRoles.All.Contains(r)).Distinct(StringComparer.Ordinal)];
}
