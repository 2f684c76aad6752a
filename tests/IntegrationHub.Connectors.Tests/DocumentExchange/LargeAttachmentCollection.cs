using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Runs alone, after the parallel tests, so process-wide allocation counts measure only the test at hand.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LargeAttachmentCollection
{
    public const string Name = "edXML large attachment (not parallel)";
}
