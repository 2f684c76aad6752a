namespace IntegrationHub.Host.Admin.Responses;

/// <summary>Dead letters matching a selection: how many in all, and the first of them.</summary>
public sealed record DeadLetterList(int Total, IReadOnlyList<DeadLetterItem> Items);
