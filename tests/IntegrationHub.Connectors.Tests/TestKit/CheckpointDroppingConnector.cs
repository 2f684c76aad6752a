using IntegrationHub.Connectors.Tests.Kit.Tally;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Broken on purpose: Tally that drops the checkpoint it is given and reads from the start again.</summary>
internal sealed class CheckpointDroppingConnector(TallyOptions options, HttpClient httpClient, ILogger<TallyConnector> logger)
    : ISourceConnector, IDestinationConnector, IDisposable
{
    private readonly TallyConnector _tally = new(options, httpClient, logger);

    public ConnectorSpec Spec => _tally.Spec;

    public Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken) => _tally.CheckAsync(scope, cancellationToken);

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken) =>
        _tally.ReadAsync(stream, null, cancellationToken);

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        _tally.WriteAsync(stream, batch, cancellationToken);

    public void Dispose() => _tally.Dispose();
}
