using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>Body of <c>POST /api/dead-letters/replay</c> and <c>/discard</c>: a selection, a dry-run flag, a reason.</summary>
public sealed record DeadLetterActionRequest(
    string? Flow = null,
    string? ErrorCode = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? BusinessKey = null,
    string? Destination = null,
    IReadOnlyList<long>? MessageIds = null,
    bool DryRun = false,
    string? Reason = null)
{
    /// <summary>Not part of the body (ignored when written, so the OpenAPI schema does not offer it).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DeadLetterSelection Selection => new(Blank(Flow), Blank(ErrorCode), From, To, Blank(BusinessKey), Blank(Destination), MessageIds);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
