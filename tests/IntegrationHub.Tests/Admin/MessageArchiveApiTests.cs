using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Admin;

/// <summary><c>GET /api/messages?businessKey=&amp;archive=true</c>: a message archived and dropped by the hub's retention job
/// (a clock moved past retention) is found again, in the same shape, marked archived; without archive=true it is gone.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MessageArchiveApiTests(PostgresCluster cluster) : IDisposable
{
    private const string Flow = "archive-test";
    private const string Destination = "national-portal:dossiers";
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-archive-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_message_past_retention_is_found_in_the_archive_by_its_business_key()
    {
        var database = await cluster.CreateDatabaseAsync();
        var settings = TestHub.BaseSettings(database);
        settings["Hub:Retention:ArchiveFolder"] = _folder;
        var clock = new ShiftedClock();
        await using var hub = await TestHub.StartAsync(settings, clock: clock);
        using var admin = TestHub.AdminClient(hub);
        await using var db = NpgsqlDataSource.Create(database);
        await new MessageStore(db, TestPersonalData.Payloads()).AppendAsync(Flow, 1, [new SourceRecord("R1", "{\"MaHoSo\":\"H99.1\"}", BusinessKey: "H99.1", Version: "1")], [Destination], null, clock.GetUtcNow(), default);
        var deliveries = new DeliveryStore(db);
        var claimed = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, clock.GetUtcNow(), default));
        await deliveries.RecordAsync(Flow, Destination,
            [new DeliveryResult(claimed.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 12, Reference: "BN-7")], false, clock.GetUtcNow(), default);
        var live = await admin.GetFromJsonAsync<JsonElement>("api/messages?businessKey=H99.1");

        clock.Advance(TimeSpan.FromDays(35));
        await hub.Services.GetRequiredService<HistoryRetentionJob>().RunAsync(default);
        clock.Advance(TimeSpan.FromDays(401));
        await hub.Services.GetRequiredService<HistoryRetentionJob>().RunAsync(default);

        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("api/messages?businessKey=H99.1")).GetProperty("messages").EnumerateArray());
        var archived = await admin.GetFromJsonAsync<JsonElement>("api/messages?businessKey=H99.1&archive=true");
        Assert.Empty(archived.GetProperty("archiveProblems").EnumerateArray());
        var message = Assert.Single(archived.GetProperty("messages").EnumerateArray());
        Assert.True(message.GetProperty("archived").GetBoolean());
        var before = live.GetProperty("messages")[0];
        Assert.False(before.GetProperty("archived").GetBoolean());
        // The same message, deliveries and steps as the database showed before the drop.
        foreach (var field in new[] { "messageId", "flow", "recordKey", "version", "payload", "deliveries", "steps" })
        {
            Assert.Equal(Normalized(before.GetProperty(field)), Normalized(message.GetProperty(field)));
        }
    }

    private static string Normalized(JsonElement element) => JsonSerializer.Serialize(element);
}
