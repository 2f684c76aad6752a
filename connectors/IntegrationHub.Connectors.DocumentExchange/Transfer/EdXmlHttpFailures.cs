using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>What the edXML-speaking systems add to the kit's <see cref="HttpFailureClassifier"/> rule: their JSON error
/// <c>{"code","message"}</c> gives the failure code when present, a status posted before its document is retried, and
/// a message the hub cannot express as edXML is refused before sending.</summary>
public static class EdXmlHttpFailures
{
    /// <summary>A status message about a document the counterparty does not know yet (HTTP 404 to a status post).</summary>
    public const string DocumentNotYetKnownCode = "DOCUMENT-NOT-YET-KNOWN";

    /// <summary>The counterparty's own error in an error reply's body, when it has one.</summary>
    public static CounterpartyError? ErrorOf(string body)
    {
        var error = JsonSerializer.Deserialize<EdXmlErrorReply>(body, JsonSerializerOptions.Web);
        return error?.Code is { Length: > 0 } code ? new CounterpartyError(code, error.Message) : null;
    }

    /// <summary>A status message refused with 404 (the documented "unknown document") may only have overtaken its
    /// document: documents and statuses travel in separate flows, so a recall posted right after sending can reach the
    /// counterparty first. Retried with the delivery's backoff (its MaxAttempts bounds the wait) rather than
    /// dead-lettered, which with HoldBehindDeadLetter would also hold every later status of the document.</summary>
    public static ConnectorFailure StatusBeforeDocument(ConnectorFailure refusal) =>
        new(FailureKind.Transient, DocumentNotYetKnownCode, $"{refusal.Message} ({refusal.Code}); the document may not have arrived yet, so the status is retried.");

    /// <summary>Whether a failure belongs to its message alone (so the rest of a batch is still sent) rather than to the
    /// counterparty (credentials, an outage: the rest of the batch waits).</summary>
    public static bool IsAboutTheMessage(ConnectorFailure failure) =>
        failure.Kind == FailureKind.Permanent || failure.Code == DocumentNotYetKnownCode;

    /// <summary>A document or status the hub itself cannot express as valid edXML: retrying will not help.</summary>
    public static ConnectorFailure Invalid(EdXmlException exception) =>
        new(FailureKind.Permanent, exception.Code, $"Not a valid edXML message: {exception.Message}");
}
