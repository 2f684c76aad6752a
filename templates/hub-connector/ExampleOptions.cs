using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.Example;

/// <summary>Options of the Example connector, bound from <c>Connectors:example</c> and checked at start: BaseUrl, the
/// API key (a secret: give it in configuration or the environment, never in code) and the page size of its feed. Add
/// the counterparty's own settings here.</summary>
public sealed class ExampleOptions : ApiKeyConnectorOptions;
