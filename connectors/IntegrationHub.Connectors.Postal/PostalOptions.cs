using IntegrationHub.Connectors.Kit;

namespace IntegrationHub.Connectors.Postal;

/// <summary>Options of the postal connector, bound from <c>Connectors:postal</c>; the page size is tracking events per
/// page of the feed.</summary>
public sealed class PostalOptions : ApiKeyConnectorOptions;
