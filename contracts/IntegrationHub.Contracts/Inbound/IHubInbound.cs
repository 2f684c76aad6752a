using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Contracts.Inbound;

/// <summary>The hub's inbound checks for a module's own endpoints: a partner endpoint that must answer at once (a payment
/// URL) instead of with an inbox receipt, signed and enveloped as for <c>POST /api/inbound</c>; or a counterparty's
/// callback the module verifies itself.</summary>
public interface IHubInbound
{
    /// <summary>Reads and checks the request as the inbound API does, in its order: media type, <c>Inbound:MaxBodyBytes</c>,
    /// the partner's key and signature, the text, the envelope, and the fields
    /// <c>Inbound:Partners:{partner}:MessageTypes:{messageType}</c> declares. The nonce is not recorded yet.</summary>
    Task<SignedInboundRead> ReadAsync(HttpContext context, string partner, string messageType, CancellationToken cancellationToken);

    /// <summary>The body of a request that is not enveloped (a counterparty's callback), read without ever holding
    /// more than <paramref name="limit"/> bytes: a larger declared length is refused before reading.</summary>
    /// <returns>Null when the body exceeds <paramref name="limit"/>.</returns>
    Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken);

    /// <summary>Records the message's nonce (call it once the request is otherwise accepted).</summary>
    /// <returns>False when the nonce was used before: the request is a replay (<see cref="HubProblem.NonceReplayed"/>).</returns>
    Task<bool> TryUseNonceAsync(SignedInboundMessage message, CancellationToken cancellationToken);

    /// <summary>The problem as <c>application/problem+json</c> with its <c>code</c>; a 503 carries <c>Retry-After</c>
    /// (<c>Inbound:RetryAfterSeconds</c>).</summary>
    IResult Refuse(HubProblem problem, HttpContext context);

    /// <summary>Wakes the inbox router after the module committed rows into the hub's inbox itself (in its own
    /// transaction), so they reach their flows now rather than at the router's next poll.</summary>
    void InboxWritten();
}
