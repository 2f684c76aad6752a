namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>What tests drive on any sandbox built on <see cref="SandboxBase{TOptions}"/>, whatever its options type:
/// the writes it booked and its live fault settings. The connector acceptance suite works through it.</summary>
public interface ISandboxControls
{
    /// <summary>The idempotency keys applied and what each write stream was sent.</summary>
    SandboxIdempotencyBook Writes { get; }

    /// <summary>The live fault settings: changes apply to the next call.</summary>
    SandboxFaultOptions Faults { get; }

    /// <summary>Faults injected so far, by kind.</summary>
    IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts();
}
