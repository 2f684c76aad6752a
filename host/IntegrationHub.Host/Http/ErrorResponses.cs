using System.Diagnostics;
using IntegrationHub.Contracts.Privacy;
using Microsoft.AspNetCore.Diagnostics;

namespace IntegrationHub.Host.Http;

/// <summary>The last line of the HTTP pipeline: whatever arrives, the answer is <c>application/problem+json</c> with a
/// <c>code</c>. An unhandled exception is logged (masked) with its trace id and answered 500 <c>internal_error</c> with
/// that trace id only: no exception text or stack trace in any environment. A 4xx/5xx without a body (an unknown
/// route, a wrong method, a login challenge) gets a problem named after its status.</summary>
public static class ErrorResponses
{
    /// <summary>The code of a request refused because the database is away (the inbound gateway answers the same).</summary>
    public const string StorageUnavailable = "storage_unavailable";

    /// <summary>Every problem the hub writes carries a <c>code</c> and the request's trace id.</summary>
    public static void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
        context.ProblemDetails.Extensions.TryAdd("traceId", TraceId(context.HttpContext));
    };

    /// <summary>Registers the exception handler and status-code pages; call first, so they wrap everything after.</summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = WriteExceptionAsync,
            StatusCodeSelector = StatusOf,
            // Logged here, masked, with the trace id; the middleware's own log line would print the exception unmasked.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return WriteAsync(context.HttpContext, status, ProblemCodes.ForStatus(status), ProblemCodes.Describe(status));
        });
        return app;
    }

    /// <summary>Errors of the request itself (a body over Kestrel's limit, a parameter that does not bind, a broken
    /// form) are the client's: 4xx, not 500. A client that went away gets nothing written.</summary>
    private static int StatusOf(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest,
        // The dashboard's antiforgery check reads the form first: a form it cannot read (a NUL in a value) is the request's.
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
        // The database restarting or failing over is not a defect: 503 with Retry-After, as the inbound gateway answers.
        _ when Storage.DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusOf(exception);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorResponses));
        var traceId = TraceId(context);
        // The endpoint's name, not the request's path: nothing the client typed goes into the log line.
        var endpoint = context.GetEndpoint()?.DisplayName ?? "(no endpoint)";
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("{Endpoint}: the database is unavailable (trace {TraceId}); answered 503 storage_unavailable: {Error}", endpoint, traceId, PersonalDataMask.MaskText(exception!.Message));
            var retryAfter = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.InboundOptions>>().Value.RetryAfterSeconds;
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return WriteAsync(context, status, StorageUnavailable, "The hub's database is unavailable just now (a restart or a failover); nothing was changed. Retry as Retry-After says.");
        }

        if (status >= 500)
        {
            logger.LogError(exception is null ? null : MaskedException.Guard(exception),
                "{Endpoint} failed with an unhandled exception (trace {TraceId}); answered 500 internal_error", endpoint, traceId);
            return WriteAsync(context, status, ProblemCodes.InternalError,
                $"The hub could not process this request. Nothing about the failure is shown here; quote trace id {traceId} to the hub's operators.");
        }

        logger.LogInformation("{Endpoint} refused the request: {Status} {Error} (trace {TraceId})", endpoint, status, exception?.GetType().Name, traceId);
        // The request's own fault: its message says what (a parameter that did not bind...), never a stack trace.
        var detail = exception is BadHttpRequestException ? PersonalDataMask.MaskText(exception.Message) : ProblemCodes.Describe(status);
        return WriteAsync(context, status, ProblemCodes.ForStatus(status), detail);
    }

    /// <summary>Written as problem+json whatever the request's Accept header says.</summary>
    private static Task WriteAsync(HttpContext context, int status, string code, string detail) =>
        Results.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code, ["traceId"] = TraceId(context) })
            .ExecuteAsync(context);

    private static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
