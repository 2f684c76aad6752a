using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>How the suite reads a source stream.</summary>
/// <param name="Seed">Makes <c>count</c> new, distinct records appear at the sandbox on <paramref name="Stream"/>.</param>
public sealed record SourceCase(string Stream, Func<IConnectorSandbox, int, Task> Seed)
{
    /// <summary>Records seeded for the resume check; with the profile's page size it must take several checkpoints.</summary>
    public int Records { get; init; } = 25;
}
