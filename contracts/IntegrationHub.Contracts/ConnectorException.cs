namespace IntegrationHub.Contracts;

/// <summary>Thrown by a connector for a failure that is not one message's outcome (a read, a whole batch).</summary>
public sealed class ConnectorException(ConnectorFailure failure, Exception? innerException = null)
    : Exception($"{failure.Kind} failure {failure.Code}: {failure.Message}", innerException)
{
    public ConnectorFailure Failure { get; } = failure;
}
