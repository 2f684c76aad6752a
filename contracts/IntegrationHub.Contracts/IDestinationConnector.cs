namespace IntegrationHub.Contracts;

/// <summary>A connector that writes a stream, reporting an outcome per message.</summary>
public interface IDestinationConnector : IConnector
{
    /// <returns>One outcome per message of <paramref name="batch"/>. A whole-batch failure may be thrown as <see cref="ConnectorException"/>.</returns>
    Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken);
}
