namespace IntegrationHub.Contracts;

/// <summary>What a source yields: a <see cref="SourceRecord"/> or a <see cref="SourceCheckpoint"/>.</summary>
public abstract record SourceItem;
