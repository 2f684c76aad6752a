namespace IntegrationHub.Contracts;

/// <summary>The outcome of writing one message: delivered, or failed with a classified <see cref="ConnectorFailure"/>.</summary>
public sealed record WriteOutcome(long MessageId, ConnectorFailure? Failure = null)
{
    public bool Delivered => Failure is null;

    public static WriteOutcome Success(long messageId) => new(messageId);

    public static WriteOutcome Failed(long messageId, ConnectorFailure failure) => new(messageId, failure);
}
