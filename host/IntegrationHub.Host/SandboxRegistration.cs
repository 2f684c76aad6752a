using IntegrationHub.Contracts;

namespace IntegrationHub.Host;

/// <summary>A sandbox the host starts in development runs, created on demand.</summary>
public sealed record SandboxRegistration(string ConnectorId, Func<IServiceProvider, IConnectorSandbox> Create);
