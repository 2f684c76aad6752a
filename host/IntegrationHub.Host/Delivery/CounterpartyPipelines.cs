using System.Collections.Concurrent;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Telemetry;

namespace IntegrationHub.Host.Delivery;

/// <summary>One Polly pipeline per counterparty (connector id), built once from config and shared by every call,
/// so the circuit breaker sees all of that counterparty's traffic. Its circuit's state is read by the statistics of
/// <see cref="Observability.CounterpartyCallStatistics"/>; Polly's own telemetry reports its events as metrics.</summary>
public sealed class CounterpartyPipelines(
    IOptionsMonitor<CounterpartyResilienceOptions> options,
    Observability.AlertStore alerts,
    IOptions<AlertOptions> alertOptions,
    Observability.CounterpartyCallStatistics statistics,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    // Polly's events as metrics only: the hub logs a circuit's opening itself (and Polly would log every retry).
    private readonly TelemetryOptions _telemetry = new();

    // Lazy: two first calls at once must not build two breakers, one of them unseen by the statistics.
    private readonly ConcurrentDictionary<string, Lazy<ResiliencePipeline<HttpResponseMessage>>> _pipelines = new(StringComparer.Ordinal);

    // Per counterparty: when its current incident began and when its circuit last opened.
    private readonly ConcurrentDictionary<string, (DateTimeOffset Began, DateTimeOffset LastOpened)> _incidents = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> Get(string counterpartyId) =>
        _pipelines.GetOrAdd(counterpartyId, id => new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => Build(id))).Value;

    private ResiliencePipeline<HttpResponseMessage> Build(string counterpartyId)
    {
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = CounterpartyPipelineFactory.Create(counterpartyId, options.Get(counterpartyId), timeProvider,
            loggerFactory.CreateLogger("IntegrationHub.Resilience." + counterpartyId), RaiseCircuitAlert, _telemetry, circuit);
        statistics.TrackCircuit(counterpartyId, () => circuit.CircuitState);
        return pipeline;
    }

    /// <summary>An opening within <see cref="AlertOptions.CircuitIncidentWindow"/> of the previous one belongs to the same
    /// incident: re-opening after each half-open probe of an outage mails once. Raised off the call's path.</summary>
    private void RaiseCircuitAlert(string counterpartyId)
    {
        var now = timeProvider.GetUtcNow();
        var window = alertOptions.Value.CircuitIncidentWindow;
        var incident = _incidents.AddOrUpdate(counterpartyId, (now, now), (_, last) => now - last.LastOpened <= window ? (last.Began, now) : (now, now));
        var began = incident.Began.UtcTicks;
        _ = Task.Run(async () =>
        {
            try
            {
                await alerts.RaiseAsync("circuit_open", $"Mất kết nối tới {counterpartyId} (circuit open)",
                    $"Calls to {counterpartyId} failed often enough that the hub stopped calling it for a while; deliveries wait and resume when it answers again.",
                    $"circuit:{counterpartyId}:{began}", $"{Admin.Dashboard.DashboardPages.BasePath}{Admin.Dashboard.ConnectorsPage.Path}/{Uri.EscapeDataString(counterpartyId)}", CancellationToken.None);
            }
            catch (Exception e)
            {
                // Never let an alert's storage problem surface on the counterparty call's path.
                loggerFactory.CreateLogger<CounterpartyPipelines>().LogWarning("Circuit alert for {Counterparty} not stored: {Error}", counterpartyId, e.Message);
            }
        });
    }
}
