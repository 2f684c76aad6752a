using IntegrationHub.Contracts.Inbound;
using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>The inbound checks offered to modules' own signed endpoints (<see cref="IHubInbound"/>), and the message
/// types those endpoints take, which the inbox refuses.</summary>
public sealed class HubInbound(
    SignedMessageReader reader,
    NonceStore nonces,
    InboxRouterSignal router,
    IEnumerable<DedicatedInboundType> dedicated,
    IOptions<InboundOptions> options) : IHubInbound
{
    private readonly IReadOnlyList<DedicatedInboundType> _dedicated = [.. dedicated];

    public async Task<SignedInboundRead> ReadAsync(HttpContext context, string partner, string messageType, CancellationToken cancellationToken)
    {
        var message = await reader.ReadAsync(context, partner, messageType, keepData: true, cancellationToken);
        if (message.Error is not null)
        {
            return new SignedInboundRead(null, message.Error.ToProblem());
        }

        var submission = message.Submission!;
        return new SignedInboundRead(new SignedInboundMessage(submission.PartnerId, submission.MessageId, submission.PayloadJson, submission.Nonce, message.Data), null);
    }

    public async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken) =>
        (await InboundBodyReader.ReadAsync(request, limit, cancellationToken)).Body;

    public Task<bool> TryUseNonceAsync(SignedInboundMessage message, CancellationToken cancellationToken) =>
        nonces.TryUseAsync(new InboundCaller(message.PartnerId, message.Nonce), cancellationToken);

    public IResult Refuse(HubProblem problem, HttpContext context) => InboundProblem.From(InboundError.From(problem), context, options.Value.RetryAfterSeconds);

    public void InboxWritten() => router.Notify();

    /// <returns>The refusal for a message type a module's own endpoint takes, or null for an inbox message type.</returns>
    public InboundError? DedicatedTypeRefusal(string? messageType) =>
        _dedicated.FirstOrDefault(d => d.MessageType == messageType) is { } type
            ? new InboundError(404, "unknown_message_type", $"{type.MessageType} is sent to {type.Path}, which {type.Purpose}.")
            : null;
}
