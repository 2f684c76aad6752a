namespace IntegrationHub.Host;

/// <summary>What <see cref="HubBuilder"/> recorded about one registered connector.</summary>
public sealed record ConnectorRegistration(string Id, Func<IServiceProvider, object> GetOptions);
