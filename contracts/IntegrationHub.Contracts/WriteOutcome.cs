namespace IntegrationHub.Contracts;

/// <summary>The outcome of writing one message: delivered (with the counterparty's reference, if it gave one), skipped
/// (the destination had nothing to do with it, and says why), or failed with a classified <see cref="ConnectorFailure"/>.</summary>
public sealed record WriteOutcome(long MessageId, ConnectorFailure? Failure = null)
{
    /// <summary>What the counterparty calls what it made of the message (a tracking number, a receipt id), kept with
    /// the delivery and shown in its history. Only a delivered outcome has one.</summary>
    public string? Reference { get; init; }

    /// <summary>Set by <see cref="Skipped"/>: why the message needed no write. Such a delivery ends <c>skipped</c>:
    /// it is neither retried nor a dead letter.</summary>
    public string? SkipReason { get; init; }

    public bool Delivered => Failure is null && SkipReason is null;

    /// <param name="reference">The counterparty's reference of the record it created or updated, when it gives one.</param>
    public static WriteOutcome Success(long messageId, string? reference = null) => new(messageId) { Reference = reference };

    /// <param name="reason">Why there was nothing to write (e.g. "no delivery by post was chosen"), shown to operators.</param>
    public static WriteOutcome Skipped(long messageId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(messageId) { SkipReason = reason };
    }

    public static WriteOutcome Failed(long messageId, ConnectorFailure failure) => new(messageId, failure);
}
