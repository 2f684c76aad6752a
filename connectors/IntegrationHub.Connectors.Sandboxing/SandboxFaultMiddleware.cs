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

        if (!await PlayAsync(context, injector.Draw(), options))
        {
            await next(context);
        }
    }

    /// <summary>Plays one fault on a request, the same way for drawn and scripted faults (a sandbox's own script).</summary>
    /// <returns>True when the fault wrote the response; false when the request should go on (none, or after a slow delay).</returns>
    public static async Task<bool> PlayAsync(HttpContext context, SandboxFaultKind kind, SandboxFaultOptions options)
    {
        switch (kind)
        {
            case SandboxFaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("sandbox: injected server error", context.RequestAborted);
                return true;
            case SandboxFaultKind.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case SandboxFaultKind.Timeout:
                // Holds the request; a client with a shorter timeout gives up and the delay is cancelled with it.
                await Task.Delay(options.TimeoutDelay, context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
                return true;
            case SandboxFaultKind.Slow:
                await Task.Delay(options.SlowDelay, context.RequestAborted);
                return false;
            case SandboxFaultKind.Malformed:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"error_code\": 0, \"data\": [ {\"trunc", context.RequestAborted);
                return true;
            default:
                return false;
        }
    }
}
