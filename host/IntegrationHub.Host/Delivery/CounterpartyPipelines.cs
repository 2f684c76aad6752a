using System.Collections.Concurrent;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace IntegrationHub.Host.Delivery;

/// <summary>One Polly pipeline per counterparty (connector id), built once from config and shared by every call,
/// so the circuit breaker sees all of that counterparty's traffic.</summary>
public sealed class CounterpartyPipelines(IOptionsMonitor<CounterpartyResilienceOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, (ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State)> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> Get(string counterpartyId) => GetEntry(counterpartyId).Pipeline;

    public CircuitState CircuitState(string counterpartyId) => GetEntry(counterpartyId).State.CircuitState;

    private (ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State) GetEntry(string counterpartyId) =>
        _pipelines.GetOrAdd(counterpartyId, id =>
        {
            var state = new CircuitBreakerStateProvider();
            var pipeline = CounterpartyPipelineFactory.Create(id, options.Get(id), state, timeProvider, loggerFactory.CreateLogger("IntegrationHub.Resilience." + id));
            return (pipeline, state);
        });
}
