using IntegrationHub.Host.Configuration;

namespace IntegrationHub.Host.Admin;

/// <summary>The hub roles an SSO sign-in gives, from the values of its role claim: through
/// <see cref="AdminOidcOptions.RoleMap"/>, or, with no map, the values that are hub role names. No mapped value, no
/// role: a province officer the SSO knows is not thereby an officer of the hub. Any role includes viewer.</summary>
public static class OidcRoleMapper
{
    public static IReadOnlyList<string> Map(IEnumerable<string> claimValues, IReadOnlyDictionary<string, List<string>> roleMap)
    {
        var granted = claimValues
            .SelectMany(value => roleMap.Count == 0 ? [value] : roleMap.TryGetValue(value, out var roles) ? roles : [])
            .Select(OfficerRoles.Normalize)
            .OfType<string>()
            .ToList();
        return granted.Count == 0 ? [] : OfficerRoles.WithViewer(granted);
    }

    /// <summary>Every problem of <c>Hub:Admin:Oidc</c> when it is switched on (its Authority set).</summary>
    public static IEnumerable<string> Problems(AdminOidcOptions oidc)
    {
        if (!oidc.IsEnabled)
        {
            yield break;
        }

        const string key = "Hub:Admin:Oidc";
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return $"{key}:Authority '{oidc.Authority}' is not an http(s) URL.";
        }
        else if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            yield return $"{key}:Authority '{oidc.Authority}' must use https (plain http only on loopback, for tests).";
        }

        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            yield return $"{key}:ClientId is required with an Authority.";
        }

        if (string.IsNullOrWhiteSpace(oidc.RoleClaim) || string.IsNullOrWhiteSpace(oidc.NameClaim))
        {
            yield return $"{key}: RoleClaim and NameClaim must name claims of the SSO's token.";
        }

        if (!oidc.CallbackPath.StartsWith('/'))
        {
            yield return $"{key}:CallbackPath '{oidc.CallbackPath}' must start with '/'.";
        }

        if (oidc.SessionLifetime < TimeSpan.FromMinutes(1) || oidc.SessionLifetime > TimeSpan.FromDays(7))
        {
            yield return $"{key}:SessionLifetime ({oidc.SessionLifetime}) must be between 00:01:00 and 7.00:00:00.";
        }

        foreach (var (value, roles) in oidc.RoleMap)
        {
            foreach (var role in roles.Where(r => OfficerRoles.Normalize(r) is null))
            {
                yield return $"{key}:RoleMap:{value}: '{role}' is not a role (known: {string.Join(", ", OfficerRoles.All)}).";
            }
        }
    }
}
