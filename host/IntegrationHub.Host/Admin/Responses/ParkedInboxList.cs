namespace IntegrationHub.Host.Admin.Responses;

/// <summary>Parked inbox messages: how many in all, and the first of them.</summary>
public sealed record ParkedInboxList(int Total, IReadOnlyList<ParkedInboxItem> Items);
