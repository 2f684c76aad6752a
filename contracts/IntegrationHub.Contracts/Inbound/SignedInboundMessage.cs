using System.Text.Json;

namespace IntegrationHub.Contracts.Inbound;

/// <summary>A partner's signed, enveloped request (<c>{"messageId", "data"}</c>) that passed every inbound check.</summary>
/// <param name="PayloadJson">The <c>data</c> object as sent (NFC).</param>
/// <param name="Nonce">The request's <c>X-Nonce</c>, to record with <see cref="IHubInbound.TryUseNonceAsync"/>.</param>
/// <param name="Data">A copy of <c>data</c> to read further.</param>
public sealed record SignedInboundMessage(string PartnerId, string MessageId, string PayloadJson, string Nonce, JsonElement Data);
