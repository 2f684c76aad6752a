using System.Collections.Concurrent;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;
using Polly;

namespace IntegrationHub.Host.Delivery;

/// <summary>One Polly pipeline per counterparty (connector id), built once from config and shared by every call,
/// so the circuit breaker sees all of that counterparty's traffic.</summary>
public sealed class CounterpartyPipelines(IOptionsMonitor<CounterpartyResilienceOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<HttpResponseMessage> Get(string counterpartyId) =>
        _pipelines.GetOrAdd(counterpartyId, id =>
            CounterpartyPipelineFactory.Create(id, options.Get(id), timeProvider, loggerFactory.CreateLogger("IntegrationHub.Resilience." + id)));
}
