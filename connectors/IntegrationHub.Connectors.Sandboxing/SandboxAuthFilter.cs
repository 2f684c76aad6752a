using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.Kit;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Lets a call through only with the credentials the sandbox expects, the same <see cref="HttpAuth"/> its
/// connector sends (an API key header, or HTTP Basic), compared in constant time; else answers
/// <paramref name="unauthorized"/> (the counterparty's own 401 body). Put it on the API's route group:
/// <c>app.MapGroup("/api").AddEndpointFilter(new SandboxAuthFilter(expected, () => ...))</c>.</summary>
public sealed class SandboxAuthFilter(HttpAuth expected, Func<IResult> unauthorized) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsAuthorized(context.HttpContext.Request, expected) ? await next(context) : unauthorized();

    /// <summary>The same check for a sandbox that answers in middleware rather than endpoints (a SOAP service).</summary>
    public static bool IsAuthorized(HttpRequest request, HttpAuth expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(expected);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(request.Headers[expected.HeaderName].ToString()),
            Encoding.UTF8.GetBytes(expected.HeaderValue));
    }
}
