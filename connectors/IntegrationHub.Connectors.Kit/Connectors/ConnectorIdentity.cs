using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>Who a connector is: what its spec says (id, version) and how its Config failures are named. Operators and
/// alerts match on the codes, so each connector keeps its own; <paramref name="CodePrefix"/> gives the usual ones.</summary>
/// <param name="Id">The connector id, e.g. <c>igate</c>: the spec's id and the <c>Connectors:{id}</c> section.</param>
/// <param name="Name">How messages name the counterparty, starting a sentence, e.g. "iGate", "The exchange platform".</param>
/// <param name="Version">The spec's version.</param>
/// <param name="CodePrefix">E.g. <c>IGATE</c> gives <c>IGATE-CONFIG</c>, <c>IGATE-STREAM</c> and <c>IGATE-CHECKPOINT</c>.</param>
public sealed record ConnectorIdentity(string Id, string Name, string Version, string CodePrefix)
{
    /// <summary>Options that fail the parameters check.</summary>
    public string ConfigCode { get; init; } = $"{CodePrefix}-CONFIG";

    /// <summary>A stream the connector does not have in the direction asked.</summary>
    public string StreamCode { get; init; } = $"{CodePrefix}-STREAM";

    /// <summary>A checkpoint the connector cannot read.</summary>
    public string CheckpointCode { get; init; } = $"{CodePrefix}-CHECKPOINT";

    /// <summary>Every problem of the options in one Config failure.</summary>
    public ConnectorFailure InvalidOptions(IEnumerable<string> problems) =>
        new(FailureKind.Config, ConfigCode, string.Join(" ", problems));

    /// <summary>A saved checkpoint this connector cannot read. Config: resetting it is an operator's decision, since
    /// reading from the start again may repeat a whole feed.</summary>
    /// <param name="expected">The shape it should have, e.g. "a sequence number".</param>
    public ConnectorFailure BadCheckpoint(string stream, string state, string expected) =>
        new(FailureKind.Config, CheckpointCode, $"The {stream} checkpoint '{state}' is not {expected}; reset the checkpoint of stream {Id}:{stream}.");
}
