using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Contracts.Inbound;

/// <summary>Why the hub refuses a partner's request: HTTP status, a machine-readable <c>code</c> partners can branch on,
/// and a message for the person reading their logs. Answered as <c>application/problem+json</c> by
/// <see cref="IHubInbound.Refuse"/>, exactly as the hub's own inbound API answers.</summary>
public sealed record HubProblem(int Status, string Code, string Message)
{
    /// <summary>Messages may quote what the client sent; control characters are escaped (also in a <c>with</c> copy).</summary>
    public string Message { get; init => field = EscapedText.Escape(value); } = EscapedText.Escape(Message);

    public static HubProblem MissingField(string path) => new(400, "missing_field", $"Required field '{path}' is missing.");

    public static HubProblem WrongFieldType(string path, string expected) => new(400, "wrong_field_type", $"Field '{path}' must be of type {expected}.");

    public static HubProblem InvalidAmount(string path, string message) => new(400, "invalid_amount", $"Field '{path}': {message}");

    public static HubProblem NonceReplayed() => new(401, "nonce_replayed", "This nonce was already used: the request is a replay. Sign each request with a fresh nonce.");

    public static HubProblem MessageIdConflict(string messageId) =>
        new(409, "message_id_conflict", $"Message id '{messageId}' was already received with a different message type or content.");

    public static HubProblem StorageUnavailable() =>
        new(503, "storage_unavailable", "The hub's database is unavailable; nothing was stored. Retry later with the same message id.");
}
