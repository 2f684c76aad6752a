using System.Text.Json.Nodes;
using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.HubWritePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGatePaymentWriteTests
{
    [Fact]
    public async Task A_batch_of_payments_is_recorded_once_each_on_its_dossier_in_one_call()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 20);
        var batch = Payments(dossiers);

        var outcomes = await rig.Connector().WriteAsync("payments", batch, CancellationToken.None);

        Assert.Equal(batch.Select(m => m.MessageId), outcomes.Select(o => o.MessageId));
        Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.PaymentStats();
        Assert.Equal(1, stats.BatchRequests);
        Assert.Equal(20, stats.TotalAppliedWrites);
        Assert.Equal(1, stats.MaxWritesPerKey);
        Assert.Equal(Enumerable.Range(1, 20).Select(Reference).Order(), rig.Sandbox.PaymentWriteCounts().Keys.Order());
        var payment = Assert.Single(rig.Sandbox.Dossiers.Payments(dossiers[0]));
        Assert.Equal(dossiers[0], payment.MaHoSo);
        Assert.Equal(Reference(1), payment.MaThamChieu);
        Assert.Equal(150_000, payment.SoTien);
        Assert.Equal($"GD-{Reference(1)}", payment.MaGiaoDich);
        Assert.Equal("970436", payment.MaNganHang);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 30, 15, TimeSpan.FromHours(7)), payment.ThoiGianThanhToan);
    }

    [Fact]
    public async Task Writing_the_same_payments_again_is_a_duplicate_and_records_nothing()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var dossiers = Dossiers(rig, 10);
        var batch = Payments(dossiers);
        await connector.WriteAsync("payments", batch, CancellationToken.None);

        var outcomes = await connector.WriteAsync("payments", [.. batch.Select(m => m with { Attempt = 2 })], CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.PaymentStats();
        Assert.Equal(10, stats.DuplicatesIgnored);
        Assert.Equal(10, stats.TotalAppliedWrites);
        Assert.Empty(stats.KeysWrittenMoreThanOnce);
        Assert.All(dossiers, d => Assert.Single(rig.Sandbox.Dossiers.Payments(d)));
    }

    [Fact]
    public async Task A_recorded_payment_is_delivered_with_iGates_receipt_number_and_a_retry_or_a_second_key_gets_the_same_one()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var dossiers = Dossiers(rig, 3);
        var batch = Payments(dossiers);

        var first = await connector.WriteAsync("payments", batch, CancellationToken.None);
        var retried = await connector.WriteAsync("payments", [.. batch.Select(m => m with { Attempt = 2 })], CancellationToken.None);
        var underAnotherKey = await connector.WriteAsync("payments", [PaymentMessage(99, batch[1].Payload)], CancellationToken.None);

        Assert.Equal(["BL00000001", "BL00000002", "BL00000003"], first.Select(o => o.Reference));
        Assert.Equal(first.Select(o => o.Reference), retried.Select(o => o.Reference));
        Assert.Equal("BL00000002", Assert.Single(underAnotherKey).Reference);
        Assert.All(first.Concat(retried).Concat(underAnotherKey), o => Assert.True(o.Delivered, o.Failure?.Message));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_batch_record_each_payment_once()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var batch = Payments(Dossiers(rig, 30));

        var all = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => connector.WriteAsync("payments", batch, CancellationToken.None)));

        Assert.All(all.SelectMany(o => o), o => Assert.True(o.Delivered, o.Failure?.Message));
        Assert.Equal(30, rig.Sandbox.PaymentStats().TotalAppliedWrites);
        Assert.Equal(120, rig.Sandbox.PaymentStats().DuplicatesIgnored);
        Assert.All(rig.Sandbox.PaymentWriteCounts().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task An_unknown_dossier_fails_that_payment_only_and_permanently()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 2);
        OutboundMessage[] batch =
        [
            PaymentMessage(1, Payment(dossiers[0], Reference(1))),
            PaymentMessage(2, Payment("000.00.01.H56-261128-9999", Reference(2))),
            PaymentMessage(3, Payment(dossiers[1], Reference(3))),
        ];

        var outcomes = await rig.Connector().WriteAsync("payments", batch, CancellationToken.None);

        Assert.Equal([true, false, true], outcomes.Select(o => o.Delivered));
        var failure = outcomes[1].Failure!;
        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Equal("IGATE-404", failure.Code);
        Assert.Contains("000.00.01.H56-261128-9999", failure.Message, StringComparison.Ordinal);
        Assert.False(rig.Sandbox.PaymentWriteCounts().ContainsKey(Reference(2)));
        Assert.Equal(1, rig.Sandbox.PaymentStats().Rejected);
    }

    public static TheoryData<string> InvalidPayments => new()
    {
        """{"MaHoSo":"{0}","SoTien":150000,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":0,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":-5000,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":"một trăm","MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":1500.5,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":150000,"ThoiGianThanhToan":"20261128093015"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":150000,"MaGiaoDich":"GD1"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":150000,"MaGiaoDich":"GD1","ThoiGianThanhToan":"2026-11-28 09:30:15"}""",
        """{"MaHoSo":"{0}","MaThamChieu":"TT1","SoTien":150000,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128253015"}""",
        """{"MaThamChieu":"TT1","SoTien":150000,"MaGiaoDich":"GD1","ThoiGianThanhToan":"20261128093015"}""",
    };

    [Theory]
    [MemberData(nameof(InvalidPayments))]
    public async Task A_payment_with_a_missing_or_invalid_field_is_rejected_permanently_and_the_others_delivered(string template)
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 2);
        OutboundMessage[] batch =
        [
            PaymentMessage(1, template.Replace("{0}", dossiers[0], StringComparison.Ordinal)),
            PaymentMessage(2, Payment(dossiers[1], Reference(2))),
        ];

        var outcomes = await rig.Connector().WriteAsync("payments", batch, CancellationToken.None);

        Assert.Equal(FailureKind.Permanent, outcomes[0].Failure?.Kind);
        Assert.Equal("IGATE-422", outcomes[0].Failure!.Code);
        Assert.True(outcomes[1].Delivered, outcomes[1].Failure?.Message);
        Assert.Empty(rig.Sandbox.Dossiers.Payments(dossiers[0]));
        Assert.Equal(1, rig.Sandbox.PaymentStats().TotalAppliedWrites);
    }

    [Fact]
    public async Task A_payload_that_is_not_a_json_object_fails_permanently_and_is_not_sent()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var outcomes = await rig.Connector().WriteAsync(
            "payments", [PaymentMessage(1, "not json"), PaymentMessage(2, "[1]")], CancellationToken.None);

        Assert.All(outcomes, o =>
        {
            Assert.Equal(FailureKind.Permanent, o.Failure?.Kind);
            Assert.Equal("IGATE-MAPPING", o.Failure!.Code);
        });
        Assert.Equal(0, rig.Sandbox.PaymentStats().BatchRequests);
    }

    [Fact]
    public async Task A_second_reference_for_a_paid_dossier_is_recorded_beside_the_first()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var maHoSo = Dossiers(rig, 1)[0];
        await connector.WriteAsync("payments", [PaymentMessage(1, Payment(maHoSo, Reference(1), 50_000))], CancellationToken.None);

        var outcomes = await connector.WriteAsync("payments", [PaymentMessage(2, Payment(maHoSo, Reference(2), 500_000))], CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.Equal([Reference(1), Reference(2)], rig.Sandbox.Dossiers.Payments(maHoSo).Select(p => p.MaThamChieu));
        Assert.Equal(550_000, rig.Sandbox.Dossiers.Payments(maHoSo).Sum(p => p.SoTien));
    }

    [Fact]
    public async Task The_same_reference_under_a_new_key_is_delivered_but_recorded_once()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var maHoSo = Dossiers(rig, 1)[0];
        var payload = Payment(maHoSo, Reference(1));
        await connector.WriteAsync("payments", [PaymentMessage(1, payload)], CancellationToken.None);

        var outcomes = await connector.WriteAsync("payments", [PaymentMessage(2, payload)], CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.Single(rig.Sandbox.Dossiers.Payments(maHoSo));

        // Two messages carried this payment: the count shows it, though the dossier holds it once.
        Assert.Equal(2, rig.Sandbox.PaymentWriteCounts()[Reference(1)]);
        Assert.Equal([Reference(1)], rig.Sandbox.PaymentStats().KeysWrittenMoreThanOnce);
    }

    [Fact]
    public async Task The_same_reference_with_another_amount_is_a_permanent_conflict()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var maHoSo = Dossiers(rig, 1)[0];
        await connector.WriteAsync("payments", [PaymentMessage(1, Payment(maHoSo, Reference(1), 150_000))], CancellationToken.None);

        var outcomes = await connector.WriteAsync("payments", [PaymentMessage(2, Payment(maHoSo, Reference(1), 999_000))], CancellationToken.None);

        var failure = Assert.Single(outcomes).Failure!;
        Assert.Equal(FailureKind.Permanent, failure.Kind);
        Assert.Equal("IGATE-409", failure.Code);
        Assert.Equal(150_000, Assert.Single(rig.Sandbox.Dossiers.Payments(maHoSo)).SoTien);
    }

    [Fact]
    public async Task The_dossier_view_shows_its_payments_and_whether_the_fees_are_paid()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var maHoSo = Dossiers(rig, 40).First(d => rig.Sandbox.Dossiers.Snapshot(d)!["lePhi"]!.AsArray().Count > 0);
        var feeDue = rig.Sandbox.Dossiers.Snapshot(maHoSo)!["lePhi"]!.AsArray().Sum(f => (long)f!["soTien"]!);
        await connector.WriteAsync("payments", [PaymentMessage(1, Payment(maHoSo, Reference(1), feeDue - 1))], CancellationToken.None);

        var partly = await ViewAsync(rig, maHoSo);
        await connector.WriteAsync("payments", [PaymentMessage(2, Payment(maHoSo, Reference(2), 1))], CancellationToken.None);
        var fully = await ViewAsync(rig, maHoSo);

        Assert.Equal(feeDue, (long)partly["feeDue"]!);
        Assert.False((bool)partly["feePaid"]!);
        Assert.True((bool)fully["feePaid"]!);
        Assert.Equal(feeDue, (long)fully["paidAmount"]!);
        var first = fully["payments"]!.AsArray()[0]!;
        Assert.Equal(Reference(1), (string?)first["maThamChieu"]);
        Assert.Equal(feeDue - 1, (long)first["soTien"]!);
        Assert.Equal($"GD-{Reference(1)}", (string?)first["maGiaoDich"]);
        Assert.Equal("2026-11-28T09:30:15+07:00", (string?)first["thoiGianThanhToan"]);
        Assert.NotEmpty(fully["progress"]!.AsArray());
        Assert.Empty(fully["evaluations"]!.AsArray());
        var stats = JsonNode.Parse(await rig.Http.GetStringAsync(new Uri(rig.BaseAddress, "sandbox/payments/stats?details=true")))!;
        Assert.Equal(2, (int)stats["totalAppliedWrites"]!);
        Assert.Equal(1, (int)stats["writeCounts"]![Reference(2)]!);
    }

    internal static async Task<JsonNode> ViewAsync(IGateTestRig rig, string maHoSo) =>
        JsonNode.Parse(await rig.Http.GetStringAsync(new Uri(rig.BaseAddress, $"sandbox/dossiers/{maHoSo}")))!;
}
