using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>iGate dossiers (with their applicants' 12-digit personal ids) synced to the national portal: stored with the
/// ids encrypted, delivered with them in clear (the portal's sandbox refuses a SoDinhDanh that is not 12 digits), a
/// <c>pg_dump</c> of the hub's database holding none of them; a message under a lost key is a dead letter with a code
/// and the rest are delivered.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PayloadEncryptionTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_pg_dump_of_a_hub_that_synced_dossiers_holds_no_personal_id_in_clear_and_the_portal_got_them_all()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        sandboxes.IGate.Dossiers.Generate(30, 2);
        var database = await cluster.CreateDatabaseAsync();
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1");
        sandboxes.ApplyTo(settings);
        await using (var hub = await TestHub.StartAsync(settings))
        {
            using var client = TestHub.AdminClient(hub);
            await FlowRuns.RunAsync(client, Flow);
            await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, Flow), f => FlowRuns.Count(f, "delivered") == 30, Patience, "30 dossiers delivered");
            Assert.Equal(30, sandboxes.National.DossierStats.DossierCount);

            // Run again: the stored versions are the plaintext's, so nothing is a message twice.
            Assert.Single(sandboxes.IGate.Dossiers.AdvanceSome(1));
            await FlowRuns.RunAsync(client, Flow);
            Assert.Equal(31L, await ScalarAsync<long>(database, "select count(*) from hub.messages"));
            Assert.True(await ScalarAsync<long>(database, "select count(*) from hub.messages where payload::text like '%⟦pd1.k1.%'") > 0);
        }

        var ids = sandboxes.IGate.Dossiers.Codes().Select(c => sandboxes.IGate.Dossiers.Snapshot(c)!["soDinhDanh"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(ids);
        var dump = await DumpAsync(database);
        Assert.Contains("hub.messages", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(ids, id => dump.Contains(id, StringComparison.Ordinal));
        // Nor any other 12-digit number standing alone (hashes and tokens are letters and digits together).
        Assert.Empty(StandingAlone().Matches(dump).Select(m => Context(dump, m.Index)));
    }

    [Fact]
    public async Task Citizen_checks_verify_with_the_ids_decrypted_audit_them_encrypted_and_a_pg_dump_holds_none_of_them()
    {
        await using var sandboxes = await CitizenCheckSandboxes.StartAsync(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 11 });
        var codes = sandboxes.IGate.Dossiers.Generate(20, 0);
        var database = await cluster.CreateDatabaseAsync();
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1");
        sandboxes.ApplyTo(settings);
        var ids = codes.Select(c => sandboxes.IGate.Dossiers.Snapshot(c)!["soDinhDanh"]!.GetValue<string>()).ToList();
        await using (var hub = await TestHub.StartAsync(settings))
        {
            using var client = TestHub.AdminClient(hub);
            await FlowRuns.RunAsync(client, "citizen-checks");
            // The enricher read each applicant's id from the decrypted payload: none is a dead letter.
            var flow = await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(client, "citizen-checks"),
                f => FlowRuns.Count(f, "delivered") + f.GetProperty("counts").GetProperty("skipped").GetInt64() == codes.Count, Patience, "every dossier verified or skipped");
            Assert.Equal(0, FlowRuns.Count(flow, "deadLettered"));
            var lookups = await ScalarAsync<long>(database, "select count(*) from hub.citizen_lookups where personal_id is null and personal_id_token like '⟦pd1.k1.%'");
            Assert.Equal(FlowRuns.Count(flow, "delivered"), lookups);

            // The officer's search by id finds the flow's lookup; the message history shows the payload masked.
            var looked = codes.First(c => (int)sandboxes.IGate.Dossiers.Snapshot(c)!["loaiDoiTuong"]! == 1);
            var id = sandboxes.IGate.Dossiers.Snapshot(looked)!["soDinhDanh"]!.GetValue<string>();
            var found = await client.GetFromJsonAsync<JsonElement>($"api/citizen-lookups?personalId={id}");
            Assert.Contains(found.EnumerateArray(), l => l.GetProperty("dossier").GetString() == looked);
            var history = await client.GetStringAsync($"api/messages?businessKey={Uri.EscapeDataString(looked)}");
            Assert.Contains(PersonalDataMask.MaskId(id), history, StringComparison.Ordinal);
            Assert.DoesNotContain(id, history, StringComparison.Ordinal);
            Assert.DoesNotContain("pd1.k1.", history, StringComparison.Ordinal);

            // The declaration's hash is keyed: a plain SHA-256 of id, name and birth date would be found again by
            // trying the 10^12 ids for a known name and date, so it would hold the id as good as in clear.
            var applicant = sandboxes.IGate.Dossiers.Snapshot(looked)!;
            var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                $"{id}\n{applicant["chuHoSo"]!.GetValue<string>()}\n{applicant["ngaySinh"]!.GetValue<string>()}")));
            var declared = await ScalarAsync<string>(database, $"select declared_hash from hub.citizen_lookups where dossier = '{looked}' order by id desc limit 1");
            Assert.Matches("^[0-9a-f]{64}$", declared);
            Assert.NotEqual(plain, declared);
            Assert.Equal(0L, await ScalarAsync<long>(database, $"select count(*) from hub.citizen_lookups where declared_hash = '{plain}'"));
        }

        var dump = await DumpAsync(database);
        Assert.DoesNotContain(ids, id => dump.Contains(id, StringComparison.Ordinal));
        Assert.Empty(StandingAlone().Matches(dump).Select(m => Context(dump, m.Index)));
    }

    [Fact]
    public async Task A_message_under_a_lost_key_is_a_dead_letter_with_a_code_and_the_rest_are_delivered()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var database = await cluster.CreateDatabaseAsync();
        var settings = FiveDossiersWithThePortalDown(sandboxes, database);
        await using (var before = await TestHub.StartAsync(settings))
        {
            await StoreFiveUndeliveredAsync(before, database);
        }

        sandboxes.NationalFaults.FailureRate = 0;
        var lost = await ScalarAsync<long>(database, "select count(*) from hub.messages where payload::text like '%⟦pd1.k1.%'");
        Assert.Equal(5, lost);

        // Key k1 is lost: the hub has k2 only. Five new dossiers come in.
        await using var hub = await TestHub.StartAsync(PersonalDataKeys.With(settings.Where(s => !s.Key.StartsWith("Hub:PersonalData:Keys:", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase), "k2", "k2"));
        using var admin = TestHub.AdminClient(hub);
        sandboxes.IGate.Dossiers.Generate(5, 1);
        await FlowRuns.RunAsync(admin, Flow);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(admin, Flow), f => FlowRuns.Count(f, "delivered") == 5 && FlowRuns.Count(f, "deadLettered") == 5, Patience, "5 delivered, 5 dead");
        Assert.Equal(5, sandboxes.National.DossierStats.DossierCount);
        Assert.Equal(5L, await ScalarAsync<long>(database,
            $"select count(*) from hub.deliveries where status = 'dead' and last_error_code = '{PersonalDataUnreadableException.KeyMissing}' and last_error like '%''k1''%'"));
    }

    [Fact]
    public async Task After_rotating_to_a_new_key_and_removing_the_old_one_messages_deliver_and_the_evidence_still_verifies()
    {
        await using var sandboxes = await DossierSandboxes.StartAsync();
        var database = await cluster.CreateDatabaseAsync();
        var settings = FiveDossiersWithThePortalDown(sandboxes, database);
        await using (var before = await TestHub.StartAsync(settings))
        {
            await StoreFiveUndeliveredAsync(before, database);
            // A push whose text quotes a personal id: its inbox row and the message routed from it are encrypted too.
            using var partner = Inbound.InboundRestTests.PartnerClient(before);
            var pushed = await partner.PostAsync("/api/inbound/dvcqg/danh-gia", Inbound.InboundRestTests.Body(new
            {
                messageId = "rot-1",
                data = new { MaHoSo = "H56.01-261128-0102", DiemDanhGia = 5, NoiDungDanhGia = "CCCD 001089012345", ThoiGianDanhGia = "20261128093000" },
            }));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, pushed.StatusCode);
            await Eventually.ReturnsAsync(() => ScalarAsync<long>(database, "select count(*) from hub.messages where version = 'inbound:rot-1'"), n => n > 0, Patience, "the push routed");
        }

        Assert.Equal(5L, await ScalarAsync<long>(database, "select count(*) from hub.messages where flow_id = 'dossiers' and payload::text like '%⟦pd1.k1.%' and payload_sha256 is not null"));
        // The push's hash is its plaintext's (README "Evidence log"), taken by the inbox and kept by the message.
        var pushHash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            """{"DiemDanhGia":5,"MaHoSo":"H56.01-261128-0102","NoiDungDanhGia":"CCCD 001089012345","ThoiGianDanhGia":"20261128093000"}"""));
        Assert.Equal(pushHash, await ScalarAsync<byte[]>(database, "select payload_canonical_sha256 from hub.inbox where partner_message_id = 'rot-1' and payload like '%⟦pd1.k1.%'"));
        Assert.Equal(pushHash, await ScalarAsync<byte[]>(database, "select payload_sha256 from hub.messages where version = 'inbound:rot-1' and payload::text like '%⟦pd1.k1.%' limit 1"));
        var underOld = await ScalarAsync<long>(database, "select (select count(*) from hub.messages where payload::text like '%pd1.k1.%') + (select count(*) from hub.inbox where payload like '%pd1.k1.%')");

        // Rotation: k2 current, k1 still given; the stored payloads are re-encrypted under k2.
        var keys = settings.Where(s => !s.Key.StartsWith("Hub:PersonalData:", StringComparison.OrdinalIgnoreCase)).ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase);
        await using (var rotating = await TestHub.StartAsync(PersonalDataKeys.With(keys, "k2", "k1", "k2")))
        {
            using var client = TestHub.AdminClient(rotating);
            var answer = await Rotations.RunAsync(client, "Quarterly key rotation (ticket 43)");
            Assert.Equal(underOld, answer.GetProperty("payloads").GetInt32());
            Assert.Empty(answer.GetProperty("unreadable").EnumerateObject());
        }

        Assert.Equal(0L, await ScalarAsync<long>(database, "select count(*) from hub.messages where payload::text like '%pd1.k1.%'"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "select count(*) from hub.inbox where payload like '%pd1.k1.%'"));

        // k1 removed, the portal back: every dossier is delivered with its id decrypted, and no chain is broken.
        sandboxes.NationalFaults.FailureRate = 0;
        await using var hub = await TestHub.StartAsync(PersonalDataKeys.With(keys, "k2", "k2"));
        using var admin = TestHub.AdminClient(hub);
        await Eventually.ReturnsAsync(() => FlowRuns.FlowAsync(admin, Flow), f => FlowRuns.Count(f, "delivered") == 5, Patience, "5 delivered");
        Assert.Equal(0, FlowRuns.Count(await FlowRuns.FlowAsync(admin, Flow), "deadLettered"));
        Assert.Equal(5, sandboxes.National.DossierStats.DossierCount);
        await hub.Services.GetRequiredService<EvidenceSequencer>().LinkAsync(default);
        Assert.Empty(await hub.Services.GetRequiredService<EvidenceVerifier>().VerifyAsync(default));
    }

    /// <summary>The settings of a hub with key k1 only; five dossiers at iGate and the portal refusing every one, so a
    /// hub stores them under k1 and does not deliver them.</summary>
    private static Dictionary<string, string?> FiveDossiersWithThePortalDown(DossierSandboxes sandboxes, string database)
    {
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(database), "k1", "k1");
        sandboxes.ApplyTo(settings);
        sandboxes.IGate.Dossiers.Generate(5, 1);
        sandboxes.NationalFaults.FailureRate = 1;
        sandboxes.NationalFaults.TooManyRequestsWeight = 0;
        sandboxes.NationalFaults.TimeoutWeight = 0;
        return settings;
    }

    /// <summary>Runs the dossier flow once and waits until each of its five messages has failed an attempt.</summary>
    private static async Task StoreFiveUndeliveredAsync(Host.HubHost hub, string database)
    {
        using var client = TestHub.AdminClient(hub);
        await FlowRuns.RunAsync(client, Flow);
        await Eventually.ReturnsAsync(() => ScalarAsync<long>(database, $"select count(*) from hub.deliveries where flow_id = '{Flow}' and attempts > 0"),
            n => n == 5, Patience, "5 failed attempts");
    }

    private static async Task<string> DumpAsync(string database)
    {
        var connection = new NpgsqlConnectionStringBuilder(database);
        var (code, output, error) = await ProcessRun.RunAsync(Path.GetTempPath(), "/usr/lib/postgresql/15/bin/pg_dump",
            ["-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "--no-owner", connection.Database!],
            new Dictionary<string, string> { ["PGPASSWORD"] = connection.Password ?? string.Empty }, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, error);
        return output;
    }

    private static string Context(string text, int index) => text.Substring(Math.Max(0, index - 80), Math.Min(160, text.Length - Math.Max(0, index - 80)));

    internal static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z_+/=-])\d{12}(?![0-9A-Za-z_+/=-])")]
    private static partial Regex StandingAlone();
}
