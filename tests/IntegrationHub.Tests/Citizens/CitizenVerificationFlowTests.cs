using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Citizens;

/// <summary>The citizen-checks flow: iGate dossiers → population database (SOAP) → the result written back to iGate,
/// once per applicant through faults, every lookup audited, personal ids masked everywhere but an audited reveal.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CitizenVerificationFlowTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Each_citizen_applicant_is_verified_once_through_faults_and_only_an_audited_reveal_shows_a_full_id()
    {
        await using var sandboxes = await CitizenCheckSandboxes.StartAsync(new IGateSandboxOptions
        {
            ApiKey = "igate-test-key",
            Seed = 11,
            Applicants = new IGateApplicantOptions { MismatchPercent = 25, UnknownPercent = 15 },
        });
        var (igate, population) = (sandboxes.IGate, sandboxes.Population);
        var codes = igate.Dossiers.Generate(60, 0);
        var expected = Expectations(igate, codes);
        var citizens = expected.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!);
        Assert.Contains(citizens.Values, e => e.KetQua == "KHOP");
        Assert.Contains(citizens.Values, e => e.KetQua == "KHONG_KHOP");
        Assert.Contains(citizens.Values, e => e.KetQua == "KHONG_TIM_THAY");
        Assert.Contains(expected.Values, e => e is null);

        // The first lookup fails all three of the connector's attempts (a timeout, a SOAP fault, an HTTP 500): it is
        // audited as failed and retried by the delivery; then one in ten calls fails at random.
        population.Faults.TimeoutDelay = TimeSpan.FromSeconds(10);
        population.FailNext(PopulationDbSandboxFault.Timeout);
        population.FailNext(PopulationDbSandboxFault.SoapFault);
        population.FailNext(PopulationDbSandboxFault.ServerError);
        population.Faults.FailureRate = 0.1;
        population.Faults.ServerErrorWeight = 1;

        var logs = new CapturedLogs();
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        sandboxes.ApplyTo(settings);
        settings["Connectors:population-db:RetryDelay"] = "00:00:00.020";
        settings["Connectors:population-db:Timeout"] = "00:00:02";
        settings["Connectors:population-db:Timeout"] = "00:00:01";
        settings["Hub:Delivery:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings, logging: logs.AddTo);
        using var client = TestHub.AdminClient(hub);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("api/flows/citizen-checks/run", null)).StatusCode);
        await Eventually.ReturnsAsync(() => DoneAsync(client), n => n == codes.Count, Patience, "every dossier verified or skipped");
        Assert.Equal(citizens.Count, await CountAsync(client, "delivered"));
        Assert.Equal(codes.Count - citizens.Count, await CountAsync(client, "skipped"));

        // Written back once per citizen applicant, with the outcome the population holds.
        foreach (var (code, want) in expected)
        {
            var check = igate.Dossiers.CitizenCheck(code);
            if (want is null)
            {
                Assert.Null(check);
                continue;
            }

            Assert.NotNull(check);
            Assert.Equal(want.KetQua, check.KetQua);
            Assert.Equal(want.Fields.Order(), check.TruongSaiLech.Keys.Order());
            Assert.Equal(want.KetQua != "KHONG_TIM_THAY", check.ThuongTru is not null);
        }

        var writes = igate.CitizenCheckStats();
        Assert.Equal(citizens.Count, writes.TotalAppliedWrites);
        Assert.Equal(1, writes.MaxWritesPerKey);

        // Audited: one completed lookup per citizen applicant, the failed one too, ids masked.
        var audit = await client.GetFromJsonAsync<JsonElement[]>("api/citizen-lookups?limit=1000");
        var completed = audit!.Where(l => l.GetProperty("outcome").GetString() != "failed").ToList();
        Assert.Equal(citizens.Keys.Order(), completed.Select(l => l.GetProperty("dossier").GetString()!).Order());
        Assert.All(completed, l => Assert.Equal(Outcome(citizens[l.GetProperty("dossier").GetString()!].KetQua), l.GetProperty("outcome").GetString()));
        Assert.All(audit!, l => Assert.Equal("flow:citizen-checks", l.GetProperty("requestedBy").GetString()));
        Assert.Contains(audit!, l => l.GetProperty("outcome").GetString() == "failed" && l.GetProperty("failureCode").GetString()!.Length > 0);

        // Later versions of the dossiers are not looked up again, nor written again.
        var requests = population.RequestCount;
        foreach (var code in codes.Take(20))
        {
            igate.Dossiers.Advance(code);
        }

        await client.PostAsync("api/flows/citizen-checks/run", null);
        await Eventually.ReturnsAsync(() => DoneAsync(client), n => n == codes.Count + 20, Patience, "the new versions done");
        Assert.Equal(citizens.Count, await CountAsync(client, "delivered"));
        Assert.Equal(requests, population.RequestCount);
        Assert.Equal(citizens.Count, igate.CitizenCheckStats().TotalAppliedWrites);
        Assert.Equal(audit!.Length, (await client.GetFromJsonAsync<JsonElement[]>("api/citizen-lookups?limit=1000"))!.Length);

        // No full personal id in the admin API, the dashboard or anything the hub logged.
        var ids = codes.Select(c => (string)igate.Dossiers.Snapshot(c)!["soDinhDanh"]!).ToList();
        var sample = citizens.Keys.First();
        var sampleId = (string)igate.Dossiers.Snapshot(sample)!["soDinhDanh"]!;
        var shown = new[]
        {
            await client.GetStringAsync($"api/messages?businessKey={Uri.EscapeDataString(sample)}"),
            await client.GetStringAsync("api/citizen-lookups?limit=1000"),
            await client.GetStringAsync($"hangfire/messages?businessKey={Uri.EscapeDataString(sample)}"),
            await client.GetStringAsync("hangfire/citizen-lookups"),
        };
        Assert.All(shown, text => Assert.DoesNotContain(ids, text.Contains));
        Assert.Contains(PersonalIdMask.Mask(sampleId), shown[0], StringComparison.Ordinal);
        Assert.Contains(PersonalIdMask.Mask(sampleId), shown[3], StringComparison.Ordinal);
        var logged = logs.Lines;
        Assert.Contains(logged, l => l.Contains(PersonalIdMask.Mask(sampleId), StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => ids.Any(l.Contains));

        // The reveal: a reason is required; the full id is given once per audited reveal.
        var lookupId = completed.First(l => l.GetProperty("dossier").GetString() == sample).GetProperty("id").GetInt64();
        var refused = await client.PostAsJsonAsync($"api/citizen-lookups/{lookupId}/reveal", new { reason = "xem" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("reason_required", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement[]>($"api/citizen-lookups/{lookupId}/reveals"))!);

        const string reason = "Công dân khiếu nại kết quả xác minh, phiếu 2026/118";
        var revealed = await client.PostAsJsonAsync($"api/citizen-lookups/{lookupId}/reveal", new { reason });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(sampleId, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personalId").GetString());
        Assert.Equal("no-store", revealed.Headers.CacheControl?.ToString());
        var reveal = Assert.Single((await client.GetFromJsonAsync<JsonElement[]>($"api/citizen-lookups/{lookupId}/reveals"))!);
        Assert.Equal($"admin:{TestHub.AdminUser}", reveal.GetProperty("revealedBy").GetString());
        Assert.Equal(reason, reveal.GetProperty("reason").GetString());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement[]>($"api/citizen-lookups?dossier={Uri.EscapeDataString(sample)}"))!
            .Single(l => l.GetProperty("id").GetInt64() == lookupId).GetProperty("reveals").GetInt32());
        Assert.DoesNotContain(logs.Lines, l => l.Contains(sampleId, StringComparison.Ordinal));

        // The audit cannot be rewritten, not even through the hub's own database login.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var tamper = new NpgsqlCommand("update hub.citizen_lookups set outcome = 'match' where id = @id", connection);
        tamper.Parameters.AddWithValue("id", lookupId);
        var refusedChange = await Assert.ThrowsAsync<PostgresException>(() => tamper.ExecuteNonQueryAsync());
        Assert.Contains("audit table", refusedChange.MessageText, StringComparison.Ordinal);
    }

    /// <summary>Per dossier: null when its applicant is not a citizen (no check), else the expected result, worked out
    /// from the shared generated population rather than from the hub's code.</summary>
    private static Dictionary<string, Expectation?> Expectations(IGateSandbox igate, IReadOnlyList<string> codes)
    {
        var people = SandboxCitizenGenerator.Generate(SandboxCitizenGenerator.DefaultCount, SandboxCitizenGenerator.DefaultSeed, SandboxCitizenGenerator.DefaultProvinceCode)
            .ToDictionary(c => c.SoDinhDanh, StringComparer.Ordinal);
        var expected = new Dictionary<string, Expectation?>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var dossier = igate.Dossiers.Snapshot(code)!;
            if ((int)dossier["loaiDoiTuong"]! != 1)
            {
                expected[code] = null;
                continue;
            }

            if (!people.TryGetValue((string)dossier["soDinhDanh"]!, out var person))
            {
                expected[code] = new Expectation("KHONG_TIM_THAY", []);
                continue;
            }

            var fields = new List<string>();
            if ((string)dossier["chuHoSo"]! != person.HoVaTen)
            {
                fields.Add("HoVaTen");
            }

            if (DateOnly.ParseExact((string)dossier["ngaySinh"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture) != person.NgaySinh)
            {
                fields.Add("NgaySinh");
            }

            expected[code] = new Expectation(fields.Count == 0 ? "KHOP" : "KHONG_KHOP", fields);
        }

        return expected;
    }

    private static string Outcome(string ketQua) => ketQua switch
    {
        "KHOP" => "match",
        "KHONG_KHOP" => "mismatch",
        _ => "not_found",
    };

    /// <summary>Deliveries done: verified and written back, or skipped (not a citizen, or verified already).</summary>
    private static async Task<long> DoneAsync(HttpClient client)
    {
        var flows = await client.GetFromJsonAsync<JsonElement[]>("api/flows");
        var counts = flows!.Single(f => f.GetProperty("id").GetString() == "citizen-checks").GetProperty("counts");
        return counts.GetProperty("delivered").GetInt64() + counts.GetProperty("skipped").GetInt64();
    }

    private static async Task<long> CountAsync(HttpClient client, string count)
    {
        var flows = await client.GetFromJsonAsync<JsonElement[]>("api/flows");
        return flows!.Single(f => f.GetProperty("id").GetString() == "citizen-checks").GetProperty("counts").GetProperty(count).GetInt64();
    }

    private sealed record Expectation(string KetQua, IReadOnlyList<string> Fields);
}
