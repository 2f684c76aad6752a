using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform.Client;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>POSTs signed callbacks to the hub (anonymously, as the platform does), checks the signature of the reply
/// and keeps a log of every delivery.</summary>
internal sealed class SandboxCallbackSender(PaymentPlatformSandboxOptions options) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Lock _lock = new();
    private readonly List<SandboxCallbackDelivery> _log = [];

    public IReadOnlyList<SandboxCallbackDelivery> Log()
    {
        lock (_lock)
        {
            return [.. _log];
        }
    }

    public async Task<SandboxCallbackDelivery> SendAsync(PaymentCallback callback, CancellationToken cancellationToken)
    {
        var delivery = await DeliverAsync(callback, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _log.Add(delivery);
        }

        return delivery;
    }

    public void Dispose() => _http.Dispose();

    private async Task<SandboxCallbackDelivery> DeliverAsync(PaymentCallback callback, CancellationToken cancellationToken)
    {
        var url = options.CallbackUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return new SandboxCallbackDelivery(callback, 0, null, false, "Sandboxes:payment-platform:CallbackUrl is not set.");
        }

        try
        {
            using var content = new StringContent(JsonSerializer.Serialize(callback, PaymentJson.Options), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await _http.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var reply = TryRead(text);
            var signed = reply is not null && PaymentHash.Matches(
                PaymentHash.Reply(reply.MaLoi, reply.MoTaLoi, reply.MaDoiTac, reply.ThoiGianGD, options.SecretKey), reply.MaXacThuc);
            return new SandboxCallbackDelivery(callback, (int)response.StatusCode, reply, signed, reply is null ? "The reply is not a callback reply." : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SandboxCallbackDelivery(callback, 0, null, false, ex.Message);
        }
    }

    private static PaymentCallbackReply? TryRead(string text)
    {
        try
        {
            var reply = JsonSerializer.Deserialize<PaymentCallbackReply>(text, PaymentJson.Options);
            return reply is { MaLoi: not null, MoTaLoi: not null, MaDoiTac: not null, ThoiGianGD: not null, MaXacThuc: not null } ? reply : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
