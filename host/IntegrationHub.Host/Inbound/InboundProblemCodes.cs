using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Inbound;

/// <summary>The codes a signed JSON push may be refused with, by HTTP status, as <see cref="SignedMessageReader"/>,
/// <see cref="InboxWriter"/> and <see cref="InboxPressure"/> answer them (<see cref="InboundError"/> builds each).
/// The OpenAPI document lists them on every partner endpoint; a module's own endpoint adds its own beside them.</summary>
public static class InboundProblemCodes
{
    /// <summary>What reading and checking the message answers, on every signed endpoint.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> SignedMessage = new Dictionary<int, IReadOnlyList<string>>
    {
        [400] =
        [
            JsonTextProblem.MalformedJson, JsonTextProblem.InvalidText, JsonTextProblem.InvalidNumber, JsonTextProblem.DuplicateField,
            "unknown_field", "missing_field", "wrong_field_type", "invalid_field", "invalid_message_id",
        ],
        [401] = ["missing_credentials", "invalid_api_key", "invalid_signature", "expired_timestamp", "invalid_nonce", "nonce_replayed"],
        [404] = ["unknown_message_type"],
        [413] = ["body_too_large"],
        [415] = ["unsupported_media_type"],
        [503] = ["storage_unavailable"],
    };

    /// <summary>What the inbox adds when it stores the message (<c>POST /api/inbound/{partner}/{messageType}</c>).</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> Inbox = new Dictionary<int, IReadOnlyList<string>>
    {
        [409] = ["message_id_conflict"],
        [503] = ["inbox_full", "gateway_busy"],
    };
}
