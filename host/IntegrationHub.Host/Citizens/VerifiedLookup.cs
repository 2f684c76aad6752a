namespace IntegrationHub.Host.Citizens;

/// <summary>An earlier completed lookup of the same declaration: which message asked, and what was written back.</summary>
public sealed record VerifiedLookup(long Id, long? MessageId, string Result);
