using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>Answers 401 <c>{"code":"unauthorized"}</c> unless the call carries the right API key (constant-time compare).</summary>
public sealed class SandboxApiKeyFilter(string headerName, string apiKey) : IEndpointFilter
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[headerName].ToString());
        if (!CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            return SandboxReplies.Error(StatusCodes.Status401Unauthorized, "unauthorized", $"Missing or wrong {headerName}.");
        }

        return await next(context);
    }
}
