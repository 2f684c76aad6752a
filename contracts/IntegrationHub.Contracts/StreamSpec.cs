namespace IntegrationHub.Contracts;

/// <summary>A named stream of records and whether the connector reads it, writes it, or both.</summary>
public sealed record StreamSpec(string Name, StreamDirection Direction, string Description);
