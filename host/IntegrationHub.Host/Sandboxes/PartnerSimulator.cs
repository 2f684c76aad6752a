using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Sandboxes;

/// <summary>Demo only (<c>Sandboxes:Partners:Enabled</c>): plays the partners that push to the hub, so a development
/// run shows the push flows working. Every tick it takes the next iGate dossier from iGate's change feed; the
/// provincial portal starts a payment of its fees and DVCQG pushes a citizen's evaluation of it, both signed as real
/// partners do. Message ids derive from MaHoSo, so a restart repeats nothing.</summary>
public sealed class PartnerSimulator(
    IConfiguration configuration,
    IOptions<InboundOptions> inbound,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<PartnerSimulator> logger) : BackgroundService
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private string? _since;
    private string? _afterId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("Sandboxes:Enabled") || !configuration.GetValue<bool>("Sandboxes:Partners:Enabled"))
        {
            return;
        }

        var every = configuration.GetValue("Sandboxes:Partners:Every", TimeSpan.FromSeconds(15));
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
        var hub = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal) + "/");
        using var timer = new PeriodicTimer(every, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await NextDossierAsync(stoppingToken) is { } dossier)
                {
                    await PushAsync(hub, dossier, stoppingToken);
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Partner simulator skipped a tick: {Error}", e.Message);
            }
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task<JsonElement?> NextDossierAsync(CancellationToken cancellationToken)
    {
        var igate = configuration["Connectors:igate:BaseUrl"]!.TrimEnd('/');
        var url = $"{igate}/api/v1/dossiers/changes?limit=1" + (_since is null ? string.Empty : $"&since={Uri.EscapeDataString(_since)}&afterId={Uri.EscapeDataString(_afterId!)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Api-Key", configuration["Connectors:igate:ApiKey"]);
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var items = page.GetProperty("items");
        if (items.GetArrayLength() == 0)
        {
            _since = null; // wrap around to the oldest dossier
            return null;
        }

        var dossier = items[0].Clone();
        _since = dossier.GetProperty("updatedAt").GetString();
        _afterId = dossier.GetProperty("maHoSo").GetString();
        return dossier;
    }

    private async Task PushAsync(Uri hub, JsonElement dossier, CancellationToken cancellationToken)
    {
        var maHoSo = dossier.GetProperty("maHoSo").GetString()!;
        var fees = dossier.GetProperty("lePhi").EnumerateArray().Where(f => f.GetProperty("soTien").GetInt64() > 0).ToList();
        if (fees.Count > 0)
        {
            var data = new
            {
                MaHoSo = maHoSo,
                MaTTHC = dossier.GetProperty("maTTHC").GetString(),
                TenTTHC = dossier.GetProperty("tenTTHC").GetString(),
                HoTenNguoiNop = dossier.GetProperty("chuHoSo").GetString(),
                PhiLePhi = fees.Select(f => new { MaPhiLePhi = f.GetProperty("maPhiLePhi").GetString(), TenPhiLePhi = f.GetProperty("tenPhiLePhi").GetString(), SoTien = f.GetProperty("soTien").GetInt64() }).ToArray(),
            };
            await SendAsync(hub, "cong-dvc", "/api/payments/init/cong-dvc", new { messageId = $"demo-pay-{maHoSo}", data }, cancellationToken);
        }

        var evaluation = new
        {
            MaHoSo = maHoSo,
            DiemDanhGia = 3 + (Math.Abs(maHoSo.GetHashCode(StringComparison.Ordinal)) % 3),
            NoiDungDanhGia = "Đánh giá từ Cổng DVC quốc gia (dữ liệu mô phỏng)",
            ThoiGianDanhGia = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        };
        await SendAsync(hub, "dvcqg", "/api/inbound/dvcqg/danh-gia", new { messageId = $"demo-dg-{maHoSo}", data = evaluation }, cancellationToken);
    }

    private async Task SendAsync(Uri hub, string partnerId, string path, object message, CancellationToken cancellationToken)
    {
        if (!inbound.Value.Partners.TryGetValue(partnerId, out var partner))
        {
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Default);
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hub, path.TrimStart('/'))) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(InboundAuthenticator.ApiKeyHeader, partner.ApiKey);
        request.Headers.Add(InboundAuthenticator.TimestampHeader, timestamp);
        request.Headers.Add(InboundAuthenticator.NonceHeader, nonce);
        request.Headers.Add(InboundAuthenticator.SignatureHeader, InboundSignature.Compute(partner.Secret!, "POST", path, timestamp, nonce, body));
        using var response = await _http.SendAsync(request, cancellationToken);
        logger.LogInformation("Partner simulator: {Partner} {Path} -> {Status}", partnerId, path, (int)response.StatusCode);
    }
}
