using IntegrationHub.Connectors.Example;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>Broken on purpose: Example that drops the checkpoint it is given and reads from the start again.</summary>
internal sealed class CheckpointDroppingConnector(ExampleOptions options, HttpClient httpClient, ILogger<ExampleConnector> logger)
    : BrokenExampleConnector(options, httpClient, logger)
{
    public override IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken) =>
        Example.ReadAsync(stream, null, cancellationToken);
}
