using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Evidence;

/// <summary>The evidence log in a running hub: a push's log lines are linked by the hub's own sequencer and signed;
/// with the log off nothing is queued, and switched on again it links what comes after.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EvidenceHubTests(PostgresCluster cluster)
{
    private const string Path = "/api/inbound/dvcqg/danh-gia";

    [Fact]
    public async Task A_running_hub_links_every_log_line_of_a_push_and_signs_its_heads_and_off_queues_nothing()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Hub:Evidence:Enabled"] = "false";
        await using (var off = await TestHub.StartAsync(settings))
        {
            using var client = InboundRestTests.PartnerClient(off);
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("ev-off", "H56.01-261128-0101")))).StatusCode);
            await Eventually.ReturnsAsync(() => ScalarAsync(database, "select count(*) from hub.message_log"), n => n > 0, TimeSpan.FromSeconds(30), "the push's received line");
            Assert.Equal(0L, await ScalarAsync(database, "select count(*) from hub.evidence_queue"));
        }

        var offMessages = await ScalarAsync(database, "select max(id) from hub.messages");
        var offLines = await ScalarAsync(database, "select max(id) from hub.message_log");

        settings["Hub:Evidence:Enabled"] = "true";
        await using var hub = await TestHub.StartAsync(settings);
        using (var client = InboundRestTests.PartnerClient(hub))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(Path, InboundRestTests.Body(InboundRestTests.Evaluation("ev-on", "H56.01-261128-0102")))).StatusCode);
        }

        // Lines of the first hub (log off) stay unlinked; every line up to a moment after the second push is linked by
        // the hub's own sequencer (every Hub:Evidence:LinkInterval), not by the test.
        await Eventually.ReturnsAsync(() => ScalarAsync(database, "select count(*) from hub.message_log where message_id > " + offMessages), n => n > 0, TimeSpan.FromSeconds(30), "the second push's received line");
        var upTo = await ScalarAsync(database, "select max(id) from hub.message_log");
        await Eventually.ReturnsAsync(
            () => ScalarAsync(database, $"select count(*) from hub.message_log l where l.id > {offLines} and l.id <= {upTo} and not exists (select 1 from hub.evidence_links k where k.log_id = l.id)"),
            n => n == 0, TimeSpan.FromSeconds(30), "every line written with the log on linked");
        Assert.Equal(0L, await ScalarAsync(database, $"select count(*) from hub.evidence_links where log_id <= {offLines}"));

        // The push's "received" event carries the partner's signature headers: with the partner's secret anyone can
        // recompute the HMAC over the method, path, timestamp, nonce and the body's SHA-256 that were stored.
        var facts = await TextAsync(database, $"select facts::text from hub.message_log where event = 'received' and id > {offLines} order by id limit 1");
        using (var document = JsonDocument.Parse(facts))
        {
            var root = document.RootElement;
            Assert.Equal(("dvcqg", "ev-on"), (root.GetProperty("partner").GetString(), root.GetProperty("partner_message_id").GetString()));
            var signature = root.GetProperty("signature");
            string Part(string name) => signature.GetProperty(name).GetString()!;
            Assert.Equal(("POST", Path), (Part("method"), Part("path")));
            var canonical = $"{Part("method")}\n{Part("path")}\n{Part("timestamp")}\n{Part("nonce")}\n{Part("body_sha256")}";
            Assert.Equal(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestHub.InboundPartnerSecret), Encoding.UTF8.GetBytes(canonical))), Part("signature"));
        }

        var head = await hub.Services.GetRequiredService<EvidenceHeadSigner>().SignAsync(null, default);
        Assert.NotNull(head);
        Assert.Empty(await hub.Services.GetRequiredService<EvidenceVerifier>().VerifyAsync(default));
    }

    private static async Task<string> TextAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
