using System.Net;
using IntegrationHub.Host.Configuration;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;

namespace IntegrationHub.Host.Delivery;

/// <summary>Builds a counterparty's HTTP pipeline: retry (outermost; jittered exponential backoff, honouring
/// Retry-After), circuit breaker, then the per-attempt timeout (innermost, so each attempt gets its own).</summary>
public static class CounterpartyPipelineFactory
{
    /// <param name="telemetry">Polly's telemetry (its "Polly" meter: retries, circuit opened, closed and half-open as
    /// resilience events tagged with the pipeline's name, the counterparty id); none when null.</param>
    /// <param name="circuitState">Reads the breaker's state for the gauges and the Connectors page.</param>
    public static ResiliencePipeline<HttpResponseMessage> Create(
        string counterpartyId,
        CounterpartyResilienceOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Action<string>? onCircuitOpened = null,
        TelemetryOptions? telemetry = null,
        CircuitBreakerStateProvider? circuitState = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = counterpartyId, TimeProvider = timeProvider };
        if (telemetry is not null)
        {
            builder.ConfigureTelemetry(telemetry);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, countOpenCircuit: true)),
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, options.MaxRetryAfter, timeProvider)),
                OnRetry = args =>
                {
                    logger.LogDebug("Retrying {Counterparty} call (attempt {Attempt}) after {Delay}: {Reason}", counterpartyId,
                        args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name ?? ((int?)args.Outcome.Result?.StatusCode)?.ToString());
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerDuration,
            StateProvider = circuitState,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, countOpenCircuit: false)),
            OnOpened = args =>
            {
                logger.LogWarning("Circuit to {Counterparty} opened for {Duration}", counterpartyId, args.BreakDuration);
                onCircuitOpened?.Invoke(counterpartyId);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>5xx, 408, 429, network errors and attempt timeouts are worth another try; everything else is an answer.
    /// A streamed request body whose content source failed (an attachment missing from, or corrupt in, the attachment
    /// store) reaches us as an HttpRequestException too, but another try would read the same bytes: not transient.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome, bool countOpenCircuit) => outcome switch
    {
        { Exception: { } exception } when IsUnreadableContent(exception) => false,
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: BrokenCircuitException } => countOpenCircuit,
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    private static bool IsUnreadableContent(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is FileNotFoundException or InvalidDataException)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The wait the server asked for (Retry-After as seconds or a date), or for an open circuit its remaining
    /// break; null lets the retry strategy use its own backoff.</summary>
    public static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, TimeSpan cap, TimeProvider timeProvider)
    {
        TimeSpan? requested = outcome switch
        {
            { Exception: BrokenCircuitException { RetryAfter: { } breakLeft } } => breakLeft,
            { Result.Headers.RetryAfter: { Delta: { } delta } } => delta,
            { Result.Headers.RetryAfter: { Date: { } date } } => date - timeProvider.GetUtcNow(),
            _ => null,
        };
        if (requested is null)
        {
            return null;
        }

        return requested < TimeSpan.Zero ? TimeSpan.Zero : requested > cap ? cap : requested;
    }
}
