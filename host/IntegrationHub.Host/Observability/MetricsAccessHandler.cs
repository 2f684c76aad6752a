using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Observability;

/// <summary>Lets a scrape in with <c>Authorization: Bearer {Hub:Metrics:Token}</c> (compared in constant time), else
/// asks the admin policy, so the metrics follow whatever the admin login becomes.</summary>
public sealed class MetricsAccessHandler(IOptions<HubOptions> options, IHttpContextAccessor accessor) : AuthorizationHandler<MetricsAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsAccessRequirement requirement)
    {
        if (accessor.HttpContext is not { } http)
        {
            return;
        }

        if (HasToken(http.Request, options.Value.Metrics.Token))
        {
            context.Succeed(requirement);
            return;
        }

        // Resolved per request: the authorization service is built from the handlers, this one included.
        var admin = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, http, Contracts.HubPolicies.Admin);
        if (admin.Succeeded)
        {
            context.Succeed(requirement);
        }
    }

    private static bool HasToken(HttpRequest request, string? token)
    {
        if (string.IsNullOrEmpty(token) || !AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: > 0 } sent)
        {
            return false;
        }

        // Hashes of equal length: the comparison's time says nothing about the token's length or its first characters.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
