namespace IntegrationHub.Contracts;

/// <summary>A source whose streams are read in the order their records changed (a change feed by timestamp): it can
/// turn a time into a checkpoint and tell the time a checkpoint stands at. Optional; the host needs it only to backfill
/// a time range.</summary>
public interface ITimeOrderedSource : ISourceConnector
{
    /// <returns>The checkpoint from which <see cref="ISourceConnector.ReadAsync"/> returns the records changed at or after
    /// <paramref name="time"/>.</returns>
    SourceCheckpoint CheckpointAt(string stream, DateTimeOffset time);

    /// <returns>The time <paramref name="checkpoint"/> stands at: every record read after it changed at or after it.</returns>
    /// <exception cref="ConnectorException">Config: the checkpoint is not one of this stream's.</exception>
    DateTimeOffset TimeOf(string stream, SourceCheckpoint checkpoint);
}
