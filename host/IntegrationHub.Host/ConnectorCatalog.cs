using IntegrationHub.Contracts;
using IntegrationHub.Host.Delivery;

namespace IntegrationHub.Host;

/// <summary>The registered connectors by id.</summary>
public sealed class ConnectorCatalog(IReadOnlyList<ConnectorRegistration> registrations, IServiceProvider services)
{
    private StreamPayloadSchemas? _payloadSchemas;

    public IReadOnlyList<ConnectorRegistration> Registrations { get; } = registrations;

    /// <summary>The payload schemas the connectors' streams declare, compiled on first use.</summary>
    public StreamPayloadSchemas PayloadSchemas => LazyInitializer.EnsureInitialized(ref _payloadSchemas, () => new StreamPayloadSchemas(this));

    public bool IsRegistered(string connectorId) => Registrations.Any(r => r.Id == connectorId);

    public IConnector Get(string connectorId) => services.GetRequiredKeyedService<IConnector>(connectorId);

    public ISourceConnector GetSource(string connectorId) =>
        Get(connectorId) as ISourceConnector ?? throw new InvalidOperationException($"Connector '{connectorId}' is not a source.");

    public IDestinationConnector GetDestination(string connectorId) =>
        Get(connectorId) as IDestinationConnector ?? throw new InvalidOperationException($"Connector '{connectorId}' is not a destination.");
}
