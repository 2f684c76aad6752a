using System.Globalization;
using IntegrationHub.Host.Inbound;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>What a partner's HTTP stack does: signs every request it sends (REST or SOAP) over the exact body bytes,
/// with a fresh nonce and the current time.</summary>
/// <param name="partnerHeader">The SOAP face's X-Partner value; null sends none.</param>
/// <param name="inner">The handler that sends the signed request (a WCF client passes its own); a new one when null.</param>
public sealed class PartnerSigningHandler(string apiKey, string secret, string? partnerHeader = null, HttpMessageHandler? inner = null)
    : DelegatingHandler(inner ?? new SocketsHttpHandler())
{
    /// <summary>Seconds added to the clock when signing (tests of the skew window).</summary>
    public long ClockOffsetSeconds { get; set; }

    /// <summary>Signs with another secret (forged requests).</summary>
    public string? SecretOverride { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + ClockOffsetSeconds).ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        request.Headers.Remove(InboundAuthenticator.ApiKeyHeader);
        request.Headers.Add(InboundAuthenticator.ApiKeyHeader, apiKey);
        request.Headers.Add(InboundAuthenticator.TimestampHeader, timestamp);
        request.Headers.Add(InboundAuthenticator.NonceHeader, nonce);
        request.Headers.Add(InboundAuthenticator.SignatureHeader,
            InboundSignature.Compute(SecretOverride ?? secret, request.Method.Method, request.RequestUri!.AbsolutePath, timestamp, nonce, body));
        if (partnerHeader is not null)
        {
            request.Headers.Add(Host.Inbound.Soap.InboundSoapNamespace.PartnerHeader, partnerHeader);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
