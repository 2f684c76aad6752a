namespace IntegrationHub.Host;

/// <summary>What <see cref="HubBuilder"/> recorded about one registered connector.</summary>
public sealed record ConnectorRegistration(string Id, Type ConnectorType, Type OptionsType, Func<IServiceProvider, object> GetOptions);
