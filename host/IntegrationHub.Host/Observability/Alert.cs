namespace IntegrationHub.Host.Observability;

public sealed record Alert(long Id, string Kind, string Subject, string Detail, string? Reference, DateTimeOffset RaisedAt);
