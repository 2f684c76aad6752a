namespace IntegrationHub.Contracts;

/// <summary>A connector that reads a stream. The host saves a checkpoint only after every record before it is durable.</summary>
public interface ISourceConnector : IConnector
{
    /// <param name="stream">A stream named in <see cref="ConnectorSpec.Streams"/> with <see cref="StreamDirection.Source"/>.</param>
    /// <param name="checkpoint">The last checkpoint the host made durable, or null to start from the beginning.</param>
    IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken);
}
