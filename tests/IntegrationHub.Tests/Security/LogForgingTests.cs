using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Xunit;

namespace IntegrationHub.Tests.Security;

/// <summary>Finding 7: an anonymous payment callback with a line break in MaThamChieu wrote forged lines into the log.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LogForgingTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_callback_with_line_breaks_and_escape_codes_in_MaThamChieu_cannot_start_a_log_line()
    {
        var settings = TestHub.BaseSettings(await cluster.CreateDatabaseAsync());
        var environment = ProcessSettings.AsEnvironment(settings, "Testing");
        await using var hub = HubProcess.Start(environment, Directory.CreateTempSubdirectory("hub-cwd-").FullName);
        await hub.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        using var client = new HttpClient { BaseAddress = hub.BaseAddress };
        var forged = "HUB1\nwarn: FORGED-LF\r\ncrit: FORGED-CRLF\rinfo: FORGED-CR\u001b[2K\u2028fail: FORGED-LS";
        // The field names as the platform sends them (PascalCase), so the callback reaches its verification and is logged.
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["LoaiBanTin"] = "PAY", ["MaLoi"] = "00", ["MaDoiTac"] = TestHub.PaymentPartnerCode, ["MaThamChieu"] = forged, ["SoTien"] = 1000,
            ["MaTienTe"] = "VND", ["MaGiaoDich"] = "1", ["MaNganHang"] = "X", ["ThoiGianGD"] = "20261204120000", ["ThongTinGiaoDich"] = "x", ["MaXacThuc"] = "00",
        });
        var answer = await client.PostAsync("api/payments/callback", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.False(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(() => hub.Output.Contains("FORGED-LS", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the refusal logged in:\n" + hub.Output);
        Assert.Equal(0, await hub.TerminateAsync(TimeSpan.FromSeconds(30)));
        var lines = hub.Output.Split('\n');
        var entry = Assert.Single(lines, l => l.Contains("FORGED-LF", StringComparison.Ordinal));
        Assert.StartsWith("warn: IntegrationHub.Connectors.PaymentPlatform.Payments.PaymentCallbackEndpoint", entry, StringComparison.Ordinal);
        Assert.Contains(@"HUB1\nwarn: FORGED-LF\r\ncrit: FORGED-CRLF\rinfo: FORGED-CR\u001b[2K\u2028fail: FORGED-LS", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal) || l.Contains('\u001b', StringComparison.Ordinal));
    }
}
