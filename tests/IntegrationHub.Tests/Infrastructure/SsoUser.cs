namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A person <see cref="TestOpenIdProvider"/> signs in, with the groups its token says.</summary>
public sealed record SsoUser(string Username, string Name, string[] Groups);
