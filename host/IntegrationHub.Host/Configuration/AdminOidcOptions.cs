namespace IntegrationHub.Host.Configuration;

/// <summary>Sign-in to the dashboard through the province's single sign-on (OpenID Connect, authorization code flow with
/// PKCE), on only when <see cref="Authority"/> is set. The officer's roles come from one claim of the SSO's token.</summary>
public sealed class AdminOidcOptions
{
    /// <summary>The SSO's issuer URL; its <c>/.well-known/openid-configuration</c> must answer. HTTPS unless on loopback.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Set it from the environment (<c>Hub__Admin__Oidc__ClientSecret</c>); empty for a public client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the officer's groups or roles, e.g. <c>roles</c> or <c>groups</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim whose value is the login name audit records show, e.g. <c>preferred_username</c>.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>A value of <see cref="RoleClaim"/> to the hub roles it gives, e.g. <c>"TTTH-VanHanh": ["operator"]</c>.
    /// Empty: a value that is itself a hub role name (<c>viewer</c>, <c>operator</c>, <c>auditor</c>) gives that role.</summary>
    public Dictionary<string, List<string>> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the SSO sends the officer back to; register it with the SSO.</summary>
    public string CallbackPath { get; set; } = "/signin-oidc";

    /// <summary>How long a dashboard sign-in lasts before the SSO is asked again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
