using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts;

/// <summary>Refuses admin actions sent by a browser from another site: a browser that has cached the Basic login
/// (or a loopback page in Development) would otherwise let any web page start runs. Put it on every admin API that
/// changes something (<c>.AddEndpointFilter&lt;CrossSiteRequestFilter&gt;()</c>); refusals are problem+json, code
/// <c>cross_site_request</c>.</summary>
public sealed class CrossSiteRequestFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = fetchSite is "cross-site" or "same-site" ||
            (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));
        if (crossSite)
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused",
                detail: "Admin actions are not accepted from pages of another site.",
                extensions: new Dictionary<string, object?> { ["code"] = "cross_site_request" }));
        }

        return next(context);
    }
}
