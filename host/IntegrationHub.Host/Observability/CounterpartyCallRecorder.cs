using System.Diagnostics;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Host.Observability;

/// <summary>The one call path every counterparty call's telemetry takes (from <see cref="Delivery.CounterpartyResilienceHandler"/>):
/// a span per call, and per attempt the metrics and the rolling statistics of the Connectors page.</summary>
public sealed class CounterpartyCallRecorder(HubTracing tracing, HubMetrics metrics, CounterpartyCallStatistics statistics, CounterpartyHealthTracker health)
{
    public const string Timeout = "timeout";
    public const string Network = "network";
    public const string ServerError = "server_error";
    public const string Throttled = "throttled";
    public const string CircuitOpen = "circuit_open";
    public const string RequestContent = "request_content";

    public Activity? StartCall(string counterpartyId) => tracing.StartCounterpartyCall(counterpartyId);

    /// <summary>An attempt that was sent: answered (a failure only if 5xx, 408 or 429), or failed on the way.</summary>
    public void Attempted(string counterpartyId, TimeSpan duration, string? failureKind)
    {
        metrics.CounterpartyCall(counterpartyId, duration, failureKind);
        statistics.Record(counterpartyId, duration, failureKind);
        health.Record(counterpartyId, failureKind);
    }

    /// <summary>A call the open circuit refused: nothing was sent.</summary>
    public void Refused(string counterpartyId)
    {
        metrics.CounterpartyCall(counterpartyId, null, CircuitOpen);
        statistics.Record(counterpartyId, null, CircuitOpen);
        health.Record(counterpartyId, CircuitOpen);
    }

    public static string? FailureOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => Throttled,
        HttpStatusCode.RequestTimeout => Timeout,
        >= HttpStatusCode.InternalServerError => ServerError,
        _ => null,
    };

    /// <summary>An attempt's exception; an attempt timeout reaches the attempt as a cancellation of its own token.</summary>
    public static string FailureOf(Exception exception) => exception switch
    {
        TimeoutRejectedException or OperationCanceledException or TimeoutException => Timeout,
        BrokenCircuitException => CircuitOpen,
        _ when HasInner<FileNotFoundException>(exception) || HasInner<InvalidDataException>(exception) => RequestContent,
        _ => Network,
    };

    private static bool HasInner<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T)
            {
                return true;
            }
        }

        return false;
    }
}
