using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Tests.Inbound;
using IntegrationHub.Tests.Infrastructure;
using IntegrationHub.Tests.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>What reaches the inbox other than through the gateway's store (the payment module's fee-paid event, its
/// INIT request) is kept with its personal ids encrypted too, and an inbound flow's filter reads what was pushed, not
/// the tokens the inbox keeps.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PushedPayloadEncryptionTests(PostgresCluster cluster)
{
    private const string PayerId = "001089012345";
    private const string TransactionNumber = "079912345678";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_payment_and_its_callbacks_inbox_event_keep_no_personal_id_in_clear_and_the_fee_still_reaches_iGate()
    {
        await using var rig = await PaymentRig.StartAsync(cluster, settings =>
        {
            foreach (var (key, value) in PersonalDataKeys.With(new Dictionary<string, string?>(), "k1", "k1"))
            {
                settings[key] = value;
            }
        });
        var (_, payment) = await PaymentTestKit.InitAsync(rig.Portal, "init-pd", rig.MaHoSo, 120_000);
        var maThamChieu = payment.GetProperty("maThamChieu").GetString()!;
        await rig.Sandboxes.Platform.PayAsync(maThamChieu, sendCallback: false);

        // The platform's callback carrying a 12-digit number (what the masking takes for a personal id) as its
        // transaction number: it goes through the inbox into the payments flow's message, and so must its encryption.
        var callback = rig.Sandboxes.Platform.SignedCallback(maThamChieu) with { MaGiaoDich = TransactionNumber };
        callback = callback with { MaXacThuc = PaymentHash.Callback(callback, TestHub.PaymentSecret) };
        using var platform = new HttpClient { BaseAddress = rig.Hub.BaseAddress };
        var answered = await platform.PostAsync("api/payments/callback", new StringContent(JsonSerializer.Serialize(callback, JsonSerializerOptions.Default), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // Delivered with the number as the platform sent it.
        var recorded = await Eventually.ReturnsAsync(() => Task.FromResult(rig.Sandboxes.IGate.Dossiers.Payments(rig.MaHoSo)), p => p.Count == 1, Patience, "the fee recorded at iGate");
        Assert.Equal((maThamChieu, 120_000L, TransactionNumber), (recorded[0].MaThamChieu, recorded[0].SoTien, recorded[0].MaGiaoDich));
        await Eventually.ReturnsAsync(() => ScalarAsync<long>(rig.Database, "select count(*) from hub.deliveries d join hub.messages m on m.id = d.message_id where m.flow_id = 'payments' and d.status = 'delivered'"),
            n => n == 1, Patience, "the payments flow delivered");

        // Stored: the INIT request (the payer's SoCMNDNguoiNop), the inbox event and the flow's message, none in clear.
        var request = await ScalarAsync<string>(rig.Database, "select request::text from hub.payments");
        var inbox = await ScalarAsync<string>(rig.Database, $"select payload from hub.inbox where partner = '{PaymentPlatformConnector.ConnectorId}'");
        var message = await ScalarAsync<string>(rig.Database, "select payload::text from hub.messages where flow_id = 'payments'");
        foreach (var stored in new[] { request, inbox, message })
        {
            Assert.DoesNotContain(PayerId, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(TransactionNumber, stored, StringComparison.Ordinal);
        }

        Assert.Contains("⟦pd1.k1.", request, StringComparison.Ordinal);
        Assert.Contains("⟦pd1.k1.", inbox, StringComparison.Ordinal);
        // The inbox event's hash is the plaintext's, as for every push.
        var plaintext = rig.Hub.Services.GetRequiredService<PersonalDataPayloads>().Unprotect(inbox);
        Assert.Contains($"\"MaGiaoDich\":\"{TransactionNumber}\"", plaintext, StringComparison.Ordinal);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)),
            await ScalarAsync<byte[]>(rig.Database, $"select payload_sha256 from hub.inbox where partner = '{PaymentPlatformConnector.ConnectorId}'"));
    }

    [Fact]
    public async Task An_inbound_flows_filter_matches_a_personal_id_as_pushed_though_the_inbox_keeps_it_encrypted()
    {
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "k1", "k1");
        settings["Flows:evaluations:Filter:NoiDungDanhGia:0"] = PayerId;
        await using var hub = await TestHub.StartAsync(settings);
        var database = settings["ConnectionStrings:Hub"]!;
        using var dvcqg = InboundRestTests.PartnerClient(hub);
        foreach (var (id, maHoSo, text) in new[] { ("dg-id", "H56.01-260101-0001", PayerId), ("dg-other", "H56.01-260101-0002", "056085123485") })
        {
            var body = new { messageId = id, data = new { MaHoSo = maHoSo, DiemDanhGia = 5, NoiDungDanhGia = text, ThoiGianDanhGia = "20261128093000" } };
            Assert.Equal(HttpStatusCode.Accepted, (await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(body))).StatusCode);
        }

        await Eventually.ReturnsAsync(() => ScalarAsync<long>(database, "select count(*) from hub.inbox_unrouted"), n => n == 0, Patience, "every pushed message routed");
        Assert.Equal(2L, await ScalarAsync<long>(database, "select count(*) from hub.inbox where payload like '%⟦pd1.k1.%' and payload not like '%" + PayerId + "%'"));
        Assert.Equal("H56.01-260101-0001", await ScalarAsync<string>(database, "select string_agg(business_key, ',') from hub.messages where flow_id = 'evaluations'"));
    }

    [Fact]
    public async Task A_pushed_message_under_a_lost_key_passes_the_filter_and_becomes_a_dead_letter_naming_the_key_instead_of_vanishing()
    {
        var settings = PersonalDataKeys.With(TestHub.BaseSettings(await cluster.CreateDatabaseAsync()), "k1", "k1");
        settings["Flows:evaluations:Filter:NoiDungDanhGia:0"] = PayerId;
        settings["Inbound:RoutingEnabled"] = "false";
        var database = settings["ConnectionStrings:Hub"]!;
        await using (var before = await TestHub.StartAsync(settings))
        {
            using var dvcqg = InboundRestTests.PartnerClient(before);
            // Its id is not the one the filter wants: read, the filter would pass over it.
            var body = new { messageId = "dg-lost", data = new { MaHoSo = "H56.01-260101-0009", DiemDanhGia = 5, NoiDungDanhGia = "056085123485", ThoiGianDanhGia = "20261128093000" } };
            Assert.Equal(HttpStatusCode.Accepted, (await dvcqg.PostAsync("/api/inbound/dvcqg/danh-gia", InboundRestTests.Body(body))).StatusCode);
        }

        // Key k1 is lost: the hub has k2 only, and routes.
        settings = PersonalDataKeys.With(settings.Where(s => !s.Key.StartsWith("Hub:PersonalData:Keys:", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.OrdinalIgnoreCase), "k2", "k2");
        settings["Inbound:RoutingEnabled"] = "true";
        await using var hub = await TestHub.StartAsync(settings);
        await Eventually.ReturnsAsync(() => ScalarAsync<long>(database,
            $"select count(*) from hub.deliveries where status = 'dead' and last_error_code = '{PersonalDataUnreadableException.KeyMissing}' and last_error like '%''k1''%'"),
            n => n == 1, Patience, "the message a dead letter naming key k1");
        Assert.Equal(0L, await ScalarAsync<long>(database, "select count(*) from hub.inbox_parked"));
    }

    private static Task<T> ScalarAsync<T>(string database, string sql) => PayloadEncryptionTests.ScalarAsync<T>(database, sql);
}
