namespace IntegrationHub.Connectors.TestKit;

/// <summary>How the suite writes a destination stream.</summary>
/// <param name="Payload">The payload of the n-th message (n from 0): each a different record the sandbox accepts.</param>
/// <param name="PoisonPayload">A payload the counterparty refuses for good (a business rule, a missing field).</param>
/// <param name="SandboxStream">The stream under which the sandbox books these writes, when it names it otherwise.</param>
public sealed record DestinationCase(string Stream, Func<int, string> Payload, string PoisonPayload, string? SandboxStream = null)
{
    /// <summary>Messages written by the idempotency and fault checks.</summary>
    public int Messages { get; init; } = 20;
}
