namespace IntegrationHub.Contracts;

/// <summary>An alert as <see cref="IHubAlerts"/> keeps it. <paramref name="Page"/> is the hub path where it is dealt with.</summary>
public sealed record HubAlert(long Id, string Kind, string Subject, string Detail, string? Reference, DateTimeOffset RaisedAt, string? Page = null);
