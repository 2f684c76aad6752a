namespace IntegrationHub.Contracts;

/// <summary>What a connector package contributes to the host: its connectors and sandboxes, and any enrichers,
/// recurring tasks, endpoints and dashboard pages of the counterparty's features. Declared with
/// <see cref="HubModuleAttribute"/>; called once, at start, before the host is built.</summary>
public interface IHubModule
{
    void Register(IHubBuilder hub);
}
