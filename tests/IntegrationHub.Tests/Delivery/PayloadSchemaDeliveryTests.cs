using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts;
using IntegrationHub.Host;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Delivery;

/// <summary>igate:payments declares the shape of the paid event, which the payment feature writes and iGate's mapper
/// reads. A paid event that does not match is a dead letter naming the field before iGate is called (before, iGate
/// answered IGATE-422 for it); one that matches is delivered and keeps iGate's receipt number as its reference.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PayloadSchemaDeliveryTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_paid_event_with_a_time_not_in_yyyyMMddHHmmss_is_a_dead_letter_naming_the_field_and_a_matching_one_is_delivered_with_its_receipt()
    {
        await using var rig = await PaymentRig.StartAsync(cluster);
        var (sandboxes, admin) = (rig.Sandboxes, rig.Admin);
        var (_, first) = await PaymentTestKit.InitAsync(rig.Portal, "init-schema-1", rig.MaHoSo, 100_000);
        var (_, second) = await PaymentTestKit.InitAsync(rig.Portal, "init-schema-2", rig.MaHoSo, 50_000);
        var (odd, good) = (first.GetProperty("maThamChieu").GetString()!, second.GetProperty("maThamChieu").GetString()!);

        // A genuinely signed callback whose ThoiGianGD the platform wrote in another format: the hub takes the payment
        // as paid (its signature holds), but the paid event cannot be what iGate records.
        await sandboxes.Platform.PayAsync(odd, sendCallback: false);
        var genuine = sandboxes.Platform.SignedCallback(odd) with { ThoiGianGD = "04/12/2026 12:00" };
        var signed = genuine with { MaXacThuc = PaymentHash.Callback(genuine, TestHub.PaymentSecret) };
        using var http = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        var answer = await http.PostAsync("api/payments/callback", new StringContent(JsonSerializer.Serialize(signed, JsonSerializerOptions.Default), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await sandboxes.Platform.PayAsync(good);

        await Eventually.ReturnsAsync(() => CountsAsync(admin), c => c.GetProperty("deadLettered").GetInt64() == 1 && c.GetProperty("delivered").GetInt64() == 1,
            Patience, "one paid event dead-lettered, the other delivered");

        var deadLetters = await admin.GetFromJsonAsync<JsonElement>("api/dead-letters?flow=payments");
        var dead = Assert.Single(deadLetters.GetProperty("items").EnumerateArray());
        Assert.Equal(odd, dead.GetProperty("recordKey").GetString());
        Assert.Equal("PAYLOAD_SCHEMA", dead.GetProperty("errorCode").GetString());
        Assert.Equal(1, dead.GetProperty("attempts").GetInt32());
        var error = dead.GetProperty("error").GetString()!;
        Assert.StartsWith("The payload does not match the schema of igate:payments: $.ThoiGianThanhToan: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("$.MaHoSo", error, StringComparison.Ordinal);

        // iGate was called once, for the matching payment only, and answered with its receipt number.
        var writes = sandboxes.IGate.PaymentStats();
        Assert.Equal(1, writes.ItemsReceived);
        Assert.Equal(0, writes.Rejected);
        Assert.Equal(good, Assert.Single(sandboxes.IGate.Dossiers.Payments(rig.MaHoSo)).MaThamChieu);

        var history = await admin.GetFromJsonAsync<JsonElement>($"api/messages?businessKey={Uri.EscapeDataString(rig.MaHoSo)}");
        var messages = history.GetProperty("messages").EnumerateArray().ToList();
        var delivered = Assert.Single(messages, m => m.GetProperty("recordKey").GetString() == good);
        var delivery = Assert.Single(delivered.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal("BL00000001", delivery.GetProperty("reference").GetString());
        Assert.Contains(delivered.GetProperty("steps").EnumerateArray(),
            s => s.GetProperty("event").GetString() == "delivered" && s.GetProperty("detail").GetString() == "reference BL00000001");
        var refused = Assert.Single(messages, m => m.GetProperty("recordKey").GetString() == odd).GetProperty("deliveries")[0];
        Assert.Equal(("dead", "PAYLOAD_SCHEMA"), (refused.GetProperty("status").GetString(), refused.GetProperty("lastErrorCode").GetString()));
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("reference").ValueKind);

        var page = await admin.GetStringAsync($"hangfire/messages?businessKey={Uri.EscapeDataString(rig.MaHoSo)}");
        Assert.Matches("class=\"delivery-reference\"[^>]*>[^<]*<b>BL00000001</b>", page);
    }

    [Fact]
    public async Task Every_registered_stream_declares_its_key_every_source_its_cursor_and_declared_schemas_compile()
    {
        await using var hub = await TestHub.StartAsync(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()));
        var connectors = hub.Services.GetRequiredService<ConnectorCatalog>();
        var streams = connectors.Registrations
            .SelectMany(r => connectors.Get(r.Id).Spec.Streams.Select(s => (Connector: r.Id, Stream: s)))
            .ToList();

        Assert.All(streams, s => Assert.True(s.Stream.Key.Count > 0 && s.Stream.Key.All(k => k.Length > 0), $"{s.Connector}:{s.Stream.Name} declares no key"));
        Assert.All(streams.Where(s => s.Stream.Direction.HasFlag(StreamDirection.Source)),
            s => Assert.False(string.IsNullOrWhiteSpace(s.Stream.Cursor), $"{s.Connector}:{s.Stream.Name} is read but declares no cursor"));
        Assert.All(streams.Where(s => s.Stream.PayloadSchema is not null),
            s => Assert.NotNull(connectors.PayloadSchemas.Find(s.Connector, s.Stream.Name)));
        Assert.Contains(streams, s => s is { Connector: "igate", Stream.Name: "payments", Stream.PayloadSchema: not null });
    }

    private static async Task<JsonElement> CountsAsync(HttpClient admin)
    {
        var flows = await admin.GetFromJsonAsync<JsonElement[]>("api/flows");
        return flows!.Single(f => f.GetProperty("id").GetString() == "payments").GetProperty("counts");
    }
}
