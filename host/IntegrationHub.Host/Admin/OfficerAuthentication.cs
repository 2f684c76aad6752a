using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IntegrationHub.Host.Admin;

/// <summary>How officers sign in: HTTP Basic against the configured accounts always, and, when
/// <c>Hub:Admin:Oidc:Authority</c> is set, the province's SSO (OpenID Connect code flow with PKCE) for the dashboard,
/// remembered in a cookie. <see cref="SchemeName"/> picks per request: Basic when the request carries an Authorization
/// header (scripts, API clients) or SSO is off, else the cookie, whose challenge goes to the SSO; an API request
/// without a login still gets 401 with the Basic challenge, not a redirect.</summary>
public static class OfficerAuthentication
{
    public const string SchemeName = "HubOfficer";
    public const string CookieScheme = "HubCookie";
    public const string OidcScheme = "HubOidc";

    public static void Add(IServiceCollection services, AdminOidcOptions oidc)
    {
        var builder = services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Officer", options => options.ForwardDefaultSelector = context =>
                !oidc.IsEnabled || context.Request.Headers.Authorization.Count > 0 ? BasicAuthenticationHandler.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        if (oidc.IsEnabled)
        {
            AddSingleSignOn(builder, oidc);
        }
    }

    private static void AddSingleSignOn(AuthenticationBuilder builder, AdminOidcOptions oidc)
    {
        builder.AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = ".IntegrationHub.Officer";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = oidc.SessionLifetime;
            options.SlidingExpiration = false;
            options.ForwardChallenge = OidcScheme;
            // The role check answers its own 403 (role_required); no access-denied page to redirect to.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.AddOpenIdConnect(OidcScheme, options =>
        {
            var authority = new Uri(oidc.Authority!);
            options.Authority = oidc.Authority;
            options.RequireHttpsMetadata = !authority.IsLoopback;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a top-level GET, so the correlation cookies can be SameSite=Lax (a form_post would need None).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = oidc.CallbackPath;
            options.SignInScheme = CookieScheme;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Events.OnRedirectToIdentityProvider = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.Response.Headers.WWWAuthenticate = "Basic realm=\"IntegrationHub\", charset=\"UTF-8\"";
                    context.HandleResponse();
                }

                return Task.CompletedTask;
            };
            options.Events.OnTokenValidated = context =>
            {
                context.Principal = SignedInOfficer(context.Principal!, oidc);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The SSO's principal reduced to what the hub keeps in its cookie: login name, display name, hub roles.</summary>
    public static System.Security.Claims.ClaimsPrincipal SignedInOfficer(System.Security.Claims.ClaimsPrincipal sso, AdminOidcOptions oidc)
    {
        var name = sso.FindFirst(oidc.NameClaim)?.Value ?? sso.FindFirst("sub")?.Value ?? "unknown";
        var roles = OidcRoleMapper.Map(sso.FindAll(oidc.RoleClaim).Select(c => c.Value), oidc.RoleMap);
        return OfficerPrincipal.Create(name, sso.FindFirst("name")?.Value, roles, OidcScheme);
    }
}
