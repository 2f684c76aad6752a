using IntegrationHub.Connectors.Example;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.TestKit;

/// <summary>The template's Example connector with one thing broken on purpose by a derived class: everything else
/// passes straight through, so the acceptance suite's failure points at that one thing.</summary>
internal abstract class BrokenExampleConnector(ExampleOptions options, HttpClient httpClient, ILogger<ExampleConnector> logger)
    : ISourceConnector, IDestinationConnector, IDisposable
{
    protected ExampleConnector Example { get; } = new(options, httpClient, logger);

    public ConnectorSpec Spec => Example.Spec;

    public Task<CheckResult> CheckAsync(CheckScope scope, CancellationToken cancellationToken) => Example.CheckAsync(scope, cancellationToken);

    public virtual IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken) =>
        Example.ReadAsync(stream, checkpoint, cancellationToken);

    public virtual Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken) =>
        Example.WriteAsync(stream, batch, cancellationToken);

    public void Dispose() => Example.Dispose();
}
