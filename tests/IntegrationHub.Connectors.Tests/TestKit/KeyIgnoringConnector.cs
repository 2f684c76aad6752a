using IntegrationHub.Connectors.Example;
using IntegrationHub.Connectors.Example.Sandbox;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Broken on purpose: Example that ignores the idempotency key the host gives and sends a fresh one per attempt.</summary>
internal sealed class KeyIgnoringConnector(ExampleOptions options, HttpClient httpClient, ILogger<ExampleConnector> logger)
    : ISourceConnector, IDestinationConnector, IDisposable
{
    private readonly ExampleConnector _tally = new(options, httpClient, logger);

    public ConnectorSpec Spec => _tally.Spec;

    public Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken) => _tally.CheckAsync(scope, cancellationToken);

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken) =>
        _tally.ReadAsync(stream, checkpoint, cancellationToken);

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        _tally.WriteAsync(stream, [.. batch.Select(m => m with { IdempotencyKey = Guid.NewGuid().ToString("N") })], cancellationToken);

    public void Dispose() => _tally.Dispose();
}
