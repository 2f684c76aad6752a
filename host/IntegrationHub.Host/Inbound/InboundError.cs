using IntegrationHub.Contracts.Inbound;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Host.Inbound;

/// <summary>Why an inbound request was refused: HTTP status, a machine-readable code partners can branch on, and a
/// message for the person reading their logs. REST answers it as problem+json, SOAP as a Fault.</summary>
public sealed record InboundError(int Status, string Code, string Message)
{
    /// <summary>Messages echo what the client sent (a property name, a parser's complaint quoting a character); they
    /// travel in JSON, SOAP Faults (XML 1.0 cannot carry control characters) and logs, so such characters are escaped —
    /// in the init accessor, so a copy made with <c>with { Message = ... }</c> is escaped too.</summary>
    public string Message { get; init => field = EscapedText.Escape(value); } = EscapedText.Escape(Message);

    public static InboundError UnknownMessageType(string partner, string type) =>
        new(404, "unknown_message_type", $"Partner '{partner}' may not send message type '{type}'.");

    public static InboundError MissingCredentials(string missing) =>
        new(401, "missing_credentials", $"The request has no {missing} header (needed: X-Api-Key, X-Timestamp, X-Nonce, X-Signature).");

    /// <summary>Also the answer for a partner id that is unknown or disabled: it must not tell which ids exist.</summary>
    public static InboundError InvalidApiKey() => new(401, "invalid_api_key", "The API key is not this partner's.");

    public static InboundError InvalidSignature() =>
        new(401, "invalid_signature", "The signature does not match the request (HMAC-SHA256 of method, path, timestamp, nonce and body SHA-256).");

    public static InboundError ExpiredTimestamp(TimeSpan skew) =>
        new(401, "expired_timestamp", $"X-Timestamp is not within {skew.TotalSeconds:0} s of the hub's clock (Unix seconds, UTC).");

    public static InboundError InvalidNonce() => new(401, "invalid_nonce", "X-Nonce must be 16 to 64 letters, digits, '-' or '_'.");

    public static InboundError NonceReplayed() => From(HubProblem.NonceReplayed());

    public static InboundError BodyTooLarge(int limit) => new(413, "body_too_large", $"The body exceeds {limit} bytes.");

    public static InboundError UnsupportedMediaType(string expected) => new(415, "unsupported_media_type", $"Content-Type must be {expected}.");

    public static InboundError MalformedJson(string detail) => new(400, "malformed_json", $"The body is not valid JSON: {detail}");

    /// <summary>A JSON text refused by <see cref="JsonTextInspector"/> (malformed, text PostgreSQL cannot store, a property twice).</summary>
    public static InboundError From(JsonTextProblem problem) => new(400, problem.Code, problem.Message);

    public static InboundError InvalidAmount(string path, string message) => From(HubProblem.InvalidAmount(path, message));

    public static InboundError MalformedXml(string detail) => new(400, "malformed_xml", $"The body is not well-formed XML: {detail}");

    public static InboundError XmlDtdForbidden() =>
        new(400, "xml_dtd_forbidden", "XML with a DOCTYPE (DTD or entity declarations) is refused.");

    public static InboundError XmlTooDeep(int limit) =>
        new(400, "xml_too_deep", $"The XML nests elements deeper than {limit} levels (the SOAP envelope is level 1).");

    public const string SoapVersionMismatchCode = "soap_version_mismatch";

    public static InboundError SoapVersionMismatch(string detail) =>
        new(400, SoapVersionMismatchCode, $"{detail} SOAP 1.1 envelopes (http://schemas.xmlsoap.org/soap/envelope/) are sent as text/xml, " +
            "SOAP 1.2 envelopes (http://www.w3.org/2003/05/soap-envelope) as application/soap+xml.");

    public static InboundError UnknownSoapOperation(string detail) => new(400, "unknown_operation", $"{detail} See the WSDL at /soap/inbound?wsdl.");

    public static InboundError InvalidSoapBody(string detail) =>
        new(400, "invalid_soap_body", $"The SOAP body does not match the WSDL's schema: {detail}");

    /// <summary>Only for the hub's own failures: the one SOAP refusal a partner should retry.</summary>
    public static InboundError SoapInternalError() =>
        new(500, "internal_error", "The hub could not process the message. Retry later with the same message id: a message that was stored is answered with its original receipt.");

    public static InboundError MissingField(string path) => From(HubProblem.MissingField(path));

    public static InboundError WrongFieldType(string path, string expected) => From(HubProblem.WrongFieldType(path, expected));

    public static InboundError BusinessKeyTooLong(string path, int limit) =>
        new(400, "invalid_field", $"Field '{path}' is the message's business key and may hold at most {limit} characters.");

    public static InboundError UnknownField(string path) => new(400, "unknown_field", $"Field '{path}' is not part of this message type.");

    public static InboundError InvalidMessageId() =>
        new(400, "invalid_message_id", "messageId must be 1 to 128 characters without control characters.");

    public static InboundError MessageIdConflict(string messageId) => From(HubProblem.MessageIdConflict(messageId));

    public static InboundError InboxFull() => new(503, "inbox_full", "The hub's inbox is over its limit; retry later.");

    public static InboundError Busy() => new(503, "gateway_busy", "Too many requests are waiting to be stored; retry later.");

    public static InboundError StorageUnavailable() => From(HubProblem.StorageUnavailable());

    /// <summary>A module's problem (the texts modules and the hub share live in the contract's <see cref="HubProblem"/>).</summary>
    public static InboundError From(HubProblem problem) => new(problem.Status, problem.Code, problem.Message);

    public HubProblem ToProblem() => new(Status, Code, Message);
}
