using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.IGate.Api;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Answers 401 with iGate's JSON error unless the call carries the right X-Api-Key (compared in constant time).</summary>
internal sealed class IGateApiKeyFilter(string apiKey) : IEndpointFilter
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers[IGateUrls.ApiKeyHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            return Results.Json(
                new IGateErrorReply("IGATE-401", "Khóa API (X-Api-Key) không hợp lệ hoặc bị thiếu."),
                JsonSerializerOptions.Web,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }
}
