namespace IntegrationHub.Contracts;

/// <summary>What a connector is: its id, version, the streams it reads and writes, and its options type.</summary>
public sealed record ConnectorSpec(string Id, string Version, IReadOnlyList<StreamSpec> Streams, Type OptionsType);
