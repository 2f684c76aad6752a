using System.Text.Json.Nodes;
using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.NationalProcedurePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateWriteTests
{
    [Fact]
    public async Task A_batch_of_50_is_written_once_each_in_one_call()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var batch = Batch(50);

        var outcomes = await rig.Connector().WriteAsync("procedures", batch, CancellationToken.None);

        Assert.Equal(batch.Select(m => m.MessageId), outcomes.Select(o => o.MessageId));
        Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.Stats();
        Assert.Equal(1, stats.BatchRequests);
        Assert.Equal(50, stats.DistinctProcedures);
        Assert.Equal(50, stats.TotalAppliedWrites);
        Assert.Equal(1, stats.MaxWritesPerCode);
        Assert.Equal(Enumerable.Range(1, 50).Select(Code).Order(), rig.Sandbox.WriteCounts().Keys.Order());
        Assert.All(rig.Sandbox.WriteCounts().Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Writing_the_same_batch_again_is_a_duplicate_and_writes_nothing()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var batch = Batch(50);
        await connector.WriteAsync("procedures", batch, CancellationToken.None);

        var retried = batch.Select(m => m with { Attempt = 2 }).ToList();
        var outcomes = await connector.WriteAsync("procedures", retried, CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.Stats();
        Assert.Equal(50, stats.DuplicatesIgnored);
        Assert.Equal(50, stats.TotalAppliedWrites);
        Assert.Equal(1, stats.MaxWritesPerCode);
        Assert.Empty(stats.CodesWrittenMoreThanOnce);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_batch_apply_each_message_once()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var batch = Batch(50);

        var all = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => connector.WriteAsync("procedures", batch, CancellationToken.None)));

        Assert.All(all.SelectMany(o => o), o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.Stats();
        Assert.Equal(50, stats.TotalAppliedWrites);
        Assert.Equal(200, stats.DuplicatesIgnored);
        Assert.Equal(1, stats.MaxWritesPerCode);
    }

    [Fact]
    public async Task Portal_fields_are_mapped_to_the_igate_procedure()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var code = Code(3560);

        await rig.Connector().WriteAsync("procedures", [Message(1, Procedure(code))], CancellationToken.None);

        Assert.True(rig.Sandbox.TryGetProcedure(code, out var stored));
        Assert.Equal(code, (string?)stored["code"]);
        Assert.Equal("Đăng ký khai sinh", (string?)stored["name"]);
        Assert.Equal("G09-TP03", (string?)stored["fieldCode"]);
        Assert.Equal("Hộ tịch", (string?)stored["fieldName"]);
        Assert.Equal("03 ngày làm việc", (string?)stored["processingTime"]);
        var fee = Assert.Single(stored["fees"]!.AsArray())!;
        Assert.Equal("Lệ phí", (string?)fee["kind"]);
        Assert.Equal("Lệ phí đăng ký khai sinh", (string?)fee["name"]);
        Assert.Equal(8000, (long?)fee["amountVnd"]);
        Assert.Equal("Ủy ban nhân dân xã Tân Hòa", (string?)stored["agency"]);
        Assert.Equal("000.00.01.H56", (string?)stored["agencyCode"]);
        Assert.Equal(["Bước 1: Nộp hồ sơ", "Bước 2: Nhận kết quả"], Texts(stored["steps"]));
        Assert.Equal(["Trực tuyến - 03 ngày làm việc - Nộp qua Cổng DVC"], Texts(stored["channels"]));
        Assert.Equal(["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"], Texts(stored["documents"]));
        Assert.Equal(["60/2014/QH13 - Luật Hộ tịch"], Texts(stored["legalBasis"]));
        Assert.Equal("DVCQG", (string?)stored["source"]);
    }

    [Fact]
    public async Task Plain_valued_portal_fields_are_mapped_too()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var code = Code(42);

        var outcomes = await rig.Connector().WriteAsync("procedures", [Message(1, FlatProcedure(code))], CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.True(rig.Sandbox.TryGetProcedure(code, out var stored));
        Assert.Equal("Chứng thực bản sao", (string?)stored["name"]);
        Assert.Null((string?)stored["fieldCode"]);
        Assert.Equal("Chứng thực", (string?)stored["fieldName"]);
        Assert.Equal("1", (string?)stored["processingTime"]);
        Assert.Equal(2000, (long?)Assert.Single(stored["fees"]!.AsArray())!["amountVnd"]);
        Assert.Equal("Phòng Tư pháp", (string?)stored["agency"]);
        Assert.Equal(["Nộp và nhận tại bộ phận một cửa"], Texts(stored["steps"]));
        Assert.Equal(["Nghị định 23/2015/NĐ-CP"], Texts(stored["legalBasis"]));
        Assert.Empty(stored["documents"]!.AsArray());
    }

    private static IEnumerable<string?> Texts(JsonNode? array) => array!.AsArray().Select(n => (string?)n);

    [Fact]
    public async Task A_changed_procedure_under_a_new_key_updates_the_catalogue()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var code = Code(7);
        await connector.WriteAsync("procedures", [Message(1, Procedure(code, "Tên cũ"))], CancellationToken.None);

        var outcomes = await connector.WriteAsync("procedures", [Message(2, Procedure(code, "Tên mới"))], CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.True(rig.Sandbox.TryGetProcedure(code, out var stored));
        Assert.Equal("Tên mới", (string?)stored["name"]);
        Assert.Equal(2, rig.Sandbox.WriteCounts()[code]);
    }

    [Fact]
    public async Task A_code_in_RejectCodes_fails_permanently_and_succeeds_once_the_rule_is_fixed()
    {
        await using var rig = await IGateTestRig.StartAsync(o => o.RejectCodes = [Code(3)]);
        var connector = rig.Connector();
        var batch = Batch(5);

        var outcomes = await connector.WriteAsync("procedures", batch, CancellationToken.None);

        var rejected = Assert.Single(outcomes, o => !o.Delivered);
        Assert.Equal(3, rejected.MessageId);
        Assert.Equal(FailureKind.Permanent, rejected.Failure!.Kind);
        Assert.Equal("IGATE-422", rejected.Failure.Code);
        Assert.Contains(Code(3), rejected.Failure.Message, StringComparison.Ordinal);
        Assert.False(rig.Sandbox.TryGetProcedure(Code(3), out _));
        Assert.Equal(1, rig.Sandbox.Stats().Rejected);

        rig.Sandbox.SetRejectCodes([]);
        var replayed = await connector.WriteAsync("procedures", [batch[2] with { Attempt = 2 }], CancellationToken.None);

        Assert.True(Assert.Single(replayed).Delivered);
        Assert.Equal(1, rig.Sandbox.WriteCounts()[Code(3)]);
        Assert.Equal(1, rig.Sandbox.Stats().MaxWritesPerCode);
    }

    [Fact]
    public async Task A_malformed_procedure_code_is_rejected_by_igate_permanently()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var outcomes = await rig.Connector().WriteAsync("procedures", [Message(1, Procedure("1.3560.H56"))], CancellationToken.None);

        var failure = Assert.Single(outcomes).Failure;
        Assert.Equal(FailureKind.Permanent, failure!.Kind);
        Assert.Equal("IGATE-400", failure.Code);
    }

    [Fact]
    public async Task Unparseable_payloads_fail_permanently_and_are_not_sent()
    {
        await using var rig = await IGateTestRig.StartAsync();
        OutboundMessage[] batch =
        [
            Message(1, Procedure(Code(1))),
            Message(2, "not json at all"),
            Message(3, """{"TENTTHC":"Không có mã"}"""),
            Message(4, "[1, 2, 3]"),
            Message(5, Procedure(Code(5))),
        ];

        var outcomes = await rig.Connector().WriteAsync("procedures", batch, CancellationToken.None);

        Assert.Equal([true, false, false, false, true], outcomes.Select(o => o.Delivered));
        Assert.All(outcomes.Where(o => !o.Delivered), o =>
        {
            Assert.Equal(FailureKind.Permanent, o.Failure!.Kind);
            Assert.Equal("IGATE-MAPPING", o.Failure.Code);
        });
        Assert.Equal(2, rig.Sandbox.Stats().ItemsReceived);
    }

    [Fact]
    public async Task A_batch_with_nothing_mappable_makes_no_call()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var outcomes = await rig.Connector().WriteAsync("procedures", [Message(1, "garbage"), Message(2, "{}")], CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal("IGATE-MAPPING", o.Failure?.Code));
        Assert.Equal(0, rig.Sandbox.Stats().BatchRequests);
    }

    [Fact]
    public async Task A_key_repeated_within_a_batch_is_applied_once_and_answers_both_messages()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var payload = Procedure(Code(9));

        var outcomes = await rig.Connector().WriteAsync(
            "procedures", [Message(1, payload, "same-key"), Message(2, payload, "same-key")], CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered));
        Assert.Equal(1, rig.Sandbox.Stats().ItemsReceived);
        Assert.Equal(1, rig.Sandbox.WriteCounts()[Code(9)]);
    }

    [Fact]
    public async Task An_unknown_stream_is_a_config_failure()
    {
        await using var rig = await IGateTestRig.StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => rig.Connector().WriteAsync("dossiers", Batch(1), CancellationToken.None));

        Assert.Equal(FailureKind.Config, ex.Failure.Kind);
        Assert.Equal(0, rig.Sandbox.Stats().BatchRequests);
    }
}
