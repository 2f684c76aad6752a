using IntegrationHub.Connectors.Example;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Broken on purpose: Example that ignores the idempotency key the host gives and sends a fresh one per attempt.</summary>
internal sealed class KeyIgnoringConnector(ExampleOptions options, HttpClient httpClient, ILogger<ExampleConnector> logger)
    : BrokenExampleConnector(options, httpClient, logger)
{
    public override Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        Example.WriteAsync(stream, [.. batch.Select(m => m with { IdempotencyKey = Guid.NewGuid().ToString("N") })], cancellationToken);
}
