namespace IntegrationHub.Host;

/// <summary>The host cannot start; the message says what to fix. Program prints it and exits with code 2.</summary>
public sealed class HubStartupException(string message) : Exception(message);
