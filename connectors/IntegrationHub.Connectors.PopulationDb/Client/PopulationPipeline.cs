using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IntegrationHub.Connectors.PopulationDb.Client;

/// <summary>The connector's own resilience: WCF builds its own HttpClient, so the host's per-counterparty pipeline (on
/// the HttpClient it hands to connectors) never sees these calls. Retry (exponential, jittered, Transient only) outside,
/// per-attempt timeout inside. RetryCount 0 leaves only the timeout (for a host that plugs its pipeline in as a handler).</summary>
internal static class PopulationPipeline
{
    public static ResiliencePipeline Build(PopulationDbOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<ConnectorException>(e => e.Failure.Kind == FailureKind.Transient)
                    .Handle<TimeoutRejectedException>(),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception is ConnectorException c ? c.Failure.Code : "POPDB-TIMEOUT";
                    var id = args.Context.Properties.GetValue(MaskedIdKey, "(unknown)");
                    logger.LogWarning("Population lookup for {SoDinhDanh} failed with {Failure} on attempt {Attempt}; retrying in {Delay}",
                        id, failure, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.Timeout).Build();
    }

    /// <summary>The masked id of the lookup, for the retry log line.</summary>
    public static ResiliencePropertyKey<string> MaskedIdKey { get; } = new("population-db.masked-id");
}
