using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Applies the drawn fault to a request. Paths under <c>/sandbox</c> (the test control surface) never fail.</summary>
public sealed class SandboxFaultMiddleware(RequestDelegate next, SandboxFaultInjector injector)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var options = injector.Options;
        if (context.Request.Path.StartsWithSegments("/sandbox"))
        {
            await next(context);
            return;
        }

        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, context.RequestAborted);
        }

        switch (injector.Draw())
        {
            case SandboxFaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("sandbox: injected server error", context.RequestAborted);
                return;
            case SandboxFaultKind.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case SandboxFaultKind.Timeout:
                // Holds the request; a client with a shorter timeout gives up and the delay is cancelled with it.
                await Task.Delay(options.TimeoutDelay, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                return;
            case SandboxFaultKind.Slow:
                await Task.Delay(options.SlowDelay, context.RequestAborted);
                await next(context);
                return;
            case SandboxFaultKind.Malformed:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error_code\": 0, \"data\": [ {\"trunc", context.RequestAborted);
                return;
            default:
                await next(context);
                return;
        }
    }
}
