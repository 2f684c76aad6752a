namespace IntegrationHub.Contracts;

/// <summary>Opaque resume state of a source stream. The host saves it in the transaction that stores the records before it.</summary>
public sealed record SourceCheckpoint(string State) : SourceItem;
