using System.Net;
using System.Text.Json;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Evidence;

/// <summary><c>GET /api/evidence</c> on a running hub, and <c>verify-evidence</c> run as an operator runs it: the
/// built host with the bundle only (no configuration, no database).</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceExportHubTests(PostgresCluster cluster)
{
    private const string Path = "/api/inbound/dvcqg/danh-gia";

    [Fact]
    public async Task A_bundle_exported_by_a_running_hub_verifies_offline_and_an_edited_one_is_named()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(database));
        using (var partner = InboundRestTests.PartnerClient(hub))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("ev-export", "H56.01-261128-0201")))).StatusCode);
        }

        var key = await Eventually.ReturnsAsync(() => TextAsync(database, "select business_key from hub.messages order by id limit 1"), k => k is not null, TimeSpan.FromSeconds(30), "the push's message");
        using var admin = TestHub.AdminClient(hub);
        var response = await admin.GetAsync($"/api/evidence?businessKey={Uri.EscapeDataString(key!)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var bundle = System.IO.Path.Combine(Directory.CreateTempSubdirectory("hub-evidence-").FullName, "bundle.zip");
        await File.WriteAllBytesAsync(bundle, await response.Content.ReadAsByteArrayAsync());

        var (exit, output, error) = await HostCommand.RunAsync(new Dictionary<string, string>(), "verify-evidence", bundle);
        Assert.True(exit == 0, output + error);
        Assert.StartsWith("valid:", output, StringComparison.Ordinal);
        Assert.Contains("under key ", output, StringComparison.Ordinal);

        var files = EvidenceBundleRig.Files(File.OpenRead(bundle));
        var anEvent = files.Keys.First(k => k.StartsWith("events/", StringComparison.Ordinal));
        files[anEvent] = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(files[anEvent]).Replace("\"v\":1", "\"v\":7", StringComparison.Ordinal));
        var edited = System.IO.Path.ChangeExtension(bundle, ".edited.zip");
        await File.WriteAllBytesAsync(edited, EvidenceBundleRig.Zip(files));
        (exit, output, error) = await HostCommand.RunAsync(new Dictionary<string, string>(), "verify-evidence", edited);
        Assert.Equal(1, exit);
        Assert.Contains("NOT valid", output, StringComparison.Ordinal);
        Assert.Contains(anEvent, output, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var byDay = await admin.GetAsync($"/api/evidence?day={today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, byDay.StatusCode);
        Assert.True(EvidenceBundleChecker.Check(await byDay.Content.ReadAsStreamAsync()).Valid);

        await Problem(admin, "/api/evidence", HttpStatusCode.BadRequest, "evidence_subject_required");
        await Problem(admin, $"/api/evidence?businessKey=x&day={today:yyyy-MM-dd}", HttpStatusCode.BadRequest, "evidence_subject_ambiguous");
        await Problem(admin, "/api/evidence?day=2026-13-40", HttpStatusCode.BadRequest, "invalid_day");
        await Problem(admin, "/api/evidence?businessKey=no-such-key", HttpStatusCode.NotFound, "evidence_not_found");
        await Problem(admin, "/api/evidence?day=2001-01-01", HttpStatusCode.NotFound, "evidence_not_found");
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/evidence?businessKey={Uri.EscapeDataString(key!)}")).StatusCode);
    }

    [Fact]
    public async Task Verify_evidence_without_a_readable_bundle_says_how_to_use_it()
    {
        var (exit, _, error) = await HostCommand.RunAsync(new Dictionary<string, string>(), "verify-evidence", "/nonexistent/bundle.zip");
        Assert.Equal(2, exit);
        Assert.Contains("Usage: verify-evidence", error, StringComparison.Ordinal);
    }

    private static async Task Problem(HttpClient client, string url, HttpStatusCode status, string code)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    private static async Task<string?> TextAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() as string;
    }
}
