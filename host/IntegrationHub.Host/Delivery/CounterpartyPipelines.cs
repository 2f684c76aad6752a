using System.Collections.Concurrent;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Polly;

namespace IntegrationHub.Host.Delivery;

/// <summary>One Polly pipeline per counterparty (connector id), built once from config and shared by every call,
/// so the circuit breaker sees all of that counterparty's traffic.</summary>
public sealed class CounterpartyPipelines(
    IOptionsMonitor<CounterpartyResilienceOptions> options,
    Observability.AlertStore alerts,
    IOptions<AlertOptions> alertOptions,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> Get(string counterpartyId) =>
        _pipelines.GetOrAdd(counterpartyId, id =>
            CounterpartyPipelineFactory.Create(id, options.Get(id), timeProvider, loggerFactory.CreateLogger("IntegrationHub.Resilience." + id), RaiseCircuitAlert));

    /// <summary>Openings of one counterparty's circuit within <see cref="AlertOptions.CircuitIncidentWindow"/> are one
    /// incident: re-opening after each half-open probe of an outage mails once. Raised off the call's path.</summary>
    private void RaiseCircuitAlert(string counterpartyId)
    {
        var window = alertOptions.Value.CircuitIncidentWindow;
        var bucket = timeProvider.GetUtcNow().UtcTicks / Math.Max(1, window.Ticks);
        _ = Task.Run(async () =>
        {
            try
            {
                await alerts.RaiseAsync("circuit_open", $"Mất kết nối tới {counterpartyId} (circuit open)",
                    $"Calls to {counterpartyId} failed often enough that the hub stopped calling it for a while; deliveries wait and resume when it answers again.",
                    $"circuit:{counterpartyId}:{bucket}", CancellationToken.None);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                loggerFactory.CreateLogger<CounterpartyPipelines>().LogWarning("Circuit alert for {Counterparty} not stored: {Error}", counterpartyId, e.Message);
            }
        });
    }
}
