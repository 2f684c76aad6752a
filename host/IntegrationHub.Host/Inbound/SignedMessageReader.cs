using IntegrationHub.Host.Configuration;
using IntegrationHub.Contracts.Text;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Inbound;

/// <summary>The steps every signed JSON endpoint takes, in this order: media type, size limit, signature (over the exact
/// bytes), the text (storable, NFC), envelope, then the message type's fields. Unauthenticated callers learn nothing about message types.</summary>
public sealed class SignedMessageReader(InboundAuthenticator authenticator, InboundMessageValidator validator, IOptions<InboundOptions> options)
{
    /// <param name="keepData">Return a copy of <c>data</c> for the caller to read further (the parsed document is released).</param>
    public async Task<SignedMessage> ReadAsync(HttpContext context, string partner, string messageType, bool keepData, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ||
            !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(InboundError.UnsupportedMediaType("application/json"));
        }

        var (body, bodyError) = await InboundBodyReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return Refused(bodyError);
        }

        if (authenticator.Authenticate(partner, request.Method, request.Path.Value!, request.Headers, body, out var caller) is { } authError)
        {
            return Refused(authError);
        }

        // Text is checked (and put in NFC) only after the signature, which covers the exact bytes sent.
        if (JsonTextInspector.Inspect(body, InboundEnvelope.MaxDepth, out var text) is { } textProblem)
        {
            return Refused(InboundError.From(textProblem));
        }

        var parseError = InboundEnvelope.Parse(text, out var document, out var messageId, out var data);
        using (document)
        {
            if (parseError is not null)
            {
                return Refused(parseError);
            }

            return validator.Validate(caller!, messageType, messageId, data, out var submission) is { } invalid
                ? Refused(invalid)
                : new SignedMessage(submission, keepData ? data.Clone() : default, null);
        }
    }

    private static SignedMessage Refused(InboundError error) => new(null, default, error);
}
