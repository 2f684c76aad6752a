namespace IntegrationHub.Host.Storage;

/// <summary>Which dead letters an operator means: every given criterion must match; at least one must be given.</summary>
public sealed record DeadLetterSelection(
    string? FlowId = null,
    string? ErrorCode = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? BusinessKey = null,
    string? Destination = null,
    IReadOnlyList<long>? MessageIds = null)
{
    public bool IsEmpty =>
        FlowId is null && ErrorCode is null && From is null && To is null && BusinessKey is null && Destination is null && (MessageIds is null || MessageIds.Count == 0);
}
