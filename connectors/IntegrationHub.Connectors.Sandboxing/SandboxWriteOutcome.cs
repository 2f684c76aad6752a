namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>What became of one write a sandbox received (see <see cref="SandboxIdempotencyBook"/>).</summary>
public enum SandboxWriteOutcome
{
    /// <summary>It changed the sandbox's state.</summary>
    Applied,

    /// <summary>It had been applied before (its idempotency key, or its content: a DocumentId already stored); nothing changed.</summary>
    Repeated,

    /// <summary>The sandbox refused it (invalid, a rule); nothing changed and its key is not remembered.</summary>
    Refused,
}
