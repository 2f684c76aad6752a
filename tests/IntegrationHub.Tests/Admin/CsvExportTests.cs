using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.PopulationDb.Citizens;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace IntegrationHub.Tests.Admin;

/// <summary>The CSV exports (<c>GET /api/dead-letters.csv</c>, <c>/api/messages.csv</c>, <c>/api/citizen-lookups.csv</c>,
/// <c>/api/citizen-lookups/reveals.csv</c>) read back with an RFC 4180 parser: a BOM for Excel, quoting that survives
/// commas, quotes and line breaks, formulas defused, personal ids masked whoever downloads, the filter respected, and
/// the dashboard's download links giving the same rows. Viewers may download.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class CsvExportTests(PostgresCluster cluster)
{
    private const string PersonalId = "001089012345";
    private const string MaskedId = "0010******45";
    private const string FormulaKey = "=HYPERLINK(\"http://evil.example\",\"bấm\")";
    private const string Reason = "Hồ sơ của Nguyễn Văn An, CCCD 001089012345, \"sai\" mã\r\nthủ tục";

    [Fact]
    public async Task Dead_letters_export_with_the_filter_quoting_defused_formulas_and_masked_ids_and_the_page_links_to_it()
    {
        await using var hub = await TestHub.StartAsync(TestOfficers.AddTo(TestHub.BaseSettings(await cluster.CreateDatabaseAsync())));
        await DeadLetterSeed.AddAsync(hub, "procedures", "igate:procedures", [(FormulaKey, Reason), ("+84912345678", "a"), ("-5", "b"), ("@SUM(A1)", "c")]);
        await DeadLetterSeed.AddAsync(hub, "dossiers", "national-portal:dossiers", [("HS-OTHER-FLOW", "d")]);
        using var viewer = TestOfficers.Client(hub.BaseAddress, TestOfficers.Viewer);

        var response = await viewer.GetAsync("api/dead-letters.csv?flow=procedures");
        var csv = await ReadCsvAsync(response);

        Assert.Equal(["message_id", "flow", "destination", "record_key", "business_key", "error_code", "error", "attempts", "dead_since_ict", "waiting_behind"], csv.Header);
        Assert.Equal(4, csv.Rows.Count);
        Assert.All(csv.Rows, row => Assert.Equal("procedures", csv.Cell(row, "flow")));
        Assert.Equal(["'" + FormulaKey, "'+84912345678", "'-5", "'@SUM(A1)"], csv.Rows.Select(r => csv.Cell(r, "business_key")));
        Assert.Equal($"The source set this record aside: {Reason.Replace(PersonalId, MaskedId, StringComparison.Ordinal)}", csv.Cell(csv.Rows[0], "error"));
        Assert.DoesNotContain(PersonalId, Encoding.UTF8.GetString(await viewer.GetByteArrayAsync("api/dead-letters.csv")), StringComparison.Ordinal);
        Assert.Equal(5, (await ReadCsvAsync(await viewer.GetAsync("api/dead-letters.csv"))).Rows.Count);
        Assert.Empty((await ReadCsvAsync(await viewer.GetAsync($"api/dead-letters.csv?flow=procedures&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("o"))}"))).Rows);
        var badRange = await viewer.GetAsync("api/dead-letters.csv?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, badRange.StatusCode);
        Assert.Contains("invalid_range", await badRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page's download link carries the page's filter (dates as the local days the page shows).
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyyy-MM-dd");
        var link = DownloadLink(await viewer.GetStringAsync($"hangfire/dead-letters?flow=procedures&from={today}&to={today}"), "download-csv");
        Assert.StartsWith("/api/dead-letters.csv?flow=procedures&from=", link, StringComparison.Ordinal);
        var linked = await ReadCsvAsync(await viewer.GetAsync(link.TrimStart('/')));
        Assert.Equal(csv.Rows.Select(r => csv.Cell(r, "message_id")), linked.Rows.Select(r => linked.Cell(r, "message_id")));
    }

    [Fact]
    public async Task A_business_keys_history_exports_every_step_with_the_officer_and_masked_text()
    {
        await using var hub = await TestHub.StartAsync(TestOfficers.AddTo(TestHub.BaseSettings(await cluster.CreateDatabaseAsync())));
        await DeadLetterSeed.AddAsync(hub, "procedures", "igate:procedures", [("TTHC-CSV-1", "no such procedure"), ("TTHC-CSV-2", "no such procedure")]);
        using var @operator = TestOfficers.Client(hub.BaseAddress, TestOfficers.Operator);
        Assert.Equal(HttpStatusCode.OK, (await @operator.PostAsJsonAsync("api/dead-letters/discard", new { businessKey = "TTHC-CSV-1", reason = Reason })).StatusCode);
        using var viewer = TestOfficers.Client(hub.BaseAddress, TestOfficers.Viewer);

        var csv = await ReadCsvAsync(await viewer.GetAsync("api/messages.csv?businessKey=TTHC-CSV-1"));

        Assert.Equal(["received", "discarded"], csv.Rows.Select(r => csv.Cell(r, "event")));
        Assert.All(csv.Rows, row => Assert.Equal("procedures", csv.Cell(row, "flow")));
        var discarded = csv.Rows[1];
        Assert.Equal($"{TestOfficers.OperatorName} ({TestOfficers.Operator})", csv.Cell(discarded, "operator"));
        Assert.Equal(Reason.Replace(PersonalId, MaskedId, StringComparison.Ordinal), csv.Cell(discarded, "reason"));
        Assert.Contains(MaskedId, csv.Cell(discarded, "detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(PersonalId, string.Join("|", csv.Rows.SelectMany(r => r)), StringComparison.Ordinal);
        Assert.Equal("igate:procedures", csv.Cell(discarded, "destination"));

        var missing = await viewer.GetAsync("api/messages.csv");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("business_key_required", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var link = DownloadLink(await viewer.GetStringAsync("hangfire/messages?businessKey=TTHC-CSV-1"), "download-csv");
        Assert.Equal("/api/messages.csv?businessKey=TTHC-CSV-1", link);
    }

    [Fact]
    public async Task The_lookup_and_reveal_audits_export_ids_masked_even_for_an_auditor_and_name_who_revealed()
    {
        await using var hub = await TestHub.StartAsync(TestOfficers.AddTo(TestHub.BaseSettings(await cluster.CreateDatabaseAsync())));
        var lookup = await SeedLookupAsync(hub, "HS-CSV-1", PersonalId);
        await SeedLookupAsync(hub, "HS-CSV-2", "079203004567");
        using var auditor = TestOfficers.Client(hub.BaseAddress, TestOfficers.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.PostAsJsonAsync($"api/citizen-lookups/{lookup}/reveal", new { reason = $"applicant disputes, id {PersonalId}" })).StatusCode);

        foreach (var client in new[] { TestOfficers.Client(hub.BaseAddress, TestOfficers.Viewer), auditor })
        {
            var lookups = await ReadCsvAsync(await client.GetAsync("api/citizen-lookups.csv?dossier=HS-CSV-1"));
            var row = Assert.Single(lookups.Rows);
            Assert.Equal(MaskedId, lookups.Cell(row, "personal_id"));
            Assert.Equal("1", lookups.Cell(row, "reveals"));
            Assert.Equal("HoVaTen; NgaySinh", lookups.Cell(row, "differing_fields"));
            Assert.Equal(2, (await ReadCsvAsync(await client.GetAsync("api/citizen-lookups.csv"))).Rows.Count);

            var reveals = await ReadCsvAsync(await client.GetAsync("api/citizen-lookups/reveals.csv?dossier=HS-CSV-1"));
            var reveal = Assert.Single(reveals.Rows);
            Assert.Equal($"admin:{TestOfficers.AuditorName} ({TestOfficers.Auditor})", reveals.Cell(reveal, "revealed_by"));
            Assert.Equal(MaskedId, reveals.Cell(reveal, "personal_id"));
            Assert.Equal($"applicant disputes, id {MaskedId}", reveals.Cell(reveal, "reason"));
            Assert.Empty((await ReadCsvAsync(await client.GetAsync("api/citizen-lookups/reveals.csv?dossier=HS-CSV-2"))).Rows);
            Assert.DoesNotContain(PersonalId, Encoding.UTF8.GetString(await client.GetByteArrayAsync("api/citizen-lookups/reveals.csv")), StringComparison.Ordinal);
        }

        var page = await auditor.GetStringAsync("hangfire/citizen-lookups?dossier=HS-CSV-1");
        Assert.Equal("/api/citizen-lookups.csv?dossier=HS-CSV-1", DownloadLink(page, "download-lookups"));
        Assert.Equal("/api/citizen-lookups/reveals.csv?dossier=HS-CSV-1", DownloadLink(page, "download-reveals"));
    }

    /// <summary>The download's headers (a streamed UTF-8 CSV attachment) checked, then its body parsed.</summary>
    private static async Task<CsvTable> ReadCsvAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        // Streamed: sent in chunks as rows are read, its length not known before the last one.
        Assert.True(response.Headers.TransferEncodingChunked, "the export was not streamed");
        var csv = CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.True(csv.HasByteOrderMark, "no UTF-8 byte-order mark: Excel would read the Vietnamese text as ANSI");
        return csv;
    }

    private static string DownloadLink(string html, string id)
    {
        var match = LinkPattern().Matches(html).FirstOrDefault(m => m.Groups["id"].Value == id);
        Assert.True(match is not null, $"no link #{id} on the page");
        return WebUtility.HtmlDecode(match.Groups["href"].Value);
    }

    private static Task<long> SeedLookupAsync(HubHost hub, string dossier, string personalId) =>
        hub.Services.GetRequiredService<CitizenLookupStore>().AddAsync(new CitizenLookupEntry(DateTimeOffset.UtcNow, "flow:citizen-checks", "citizen-checks", null, dossier,
            personalId, "hash", "mismatch", ["HoVaTen", "NgaySinh"], null, 12, $$"""{"MaHoSo":"{{dossier}}"}"""), CancellationToken.None);

    [GeneratedRegex("<a id=\"(?<id>[^\"]+)\"[^>]*href=\"(?<href>[^\"]+)\"")]
    private static partial Regex LinkPattern();
}
