namespace IntegrationHub.Contracts;

/// <summary>An alert as <see cref="IHubAlerts"/> keeps it.</summary>
public sealed record HubAlert(long Id, string Kind, string Subject, string Detail, string? Reference, DateTimeOffset RaisedAt);
