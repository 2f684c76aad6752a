namespace IntegrationHub.Host.Inbound;

/// <summary>Writes an <see cref="InboundError"/> as <c>application/problem+json</c> with its <c>code</c>; 503s carry Retry-After.</summary>
public static class InboundProblem
{
    public static IResult From(InboundError error, HttpContext context, int retryAfterSeconds)
    {
        context.RequestServices.GetService<Observability.HubMetrics>()?.InboundRefused(context, error.Code);
        if (error.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Problem(
            statusCode: error.Status,
            title: error.Code.Replace('_', ' '),
            detail: error.Message,
            type: $"urn:integrationhub:inbound:{error.Code}",
            extensions: new Dictionary<string, object?> { ["code"] = error.Code });
    }
}
