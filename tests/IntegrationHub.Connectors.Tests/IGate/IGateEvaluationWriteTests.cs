using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.IGate.HubWritePayloads;

namespace IntegrationHub.Connectors.Tests.IGate;

public sealed class IGateEvaluationWriteTests
{
    [Fact]
    public async Task A_batch_of_evaluations_is_recorded_once_each_even_when_written_twice()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var dossiers = Dossiers(rig, 15);
        var batch = Evaluations(dossiers);

        var first = await connector.WriteAsync("evaluations", batch, CancellationToken.None);
        var again = await connector.WriteAsync("evaluations", [.. batch.Select(m => m with { Attempt = 2 })], CancellationToken.None);

        Assert.All(first.Concat(again), o => Assert.True(o.Delivered, o.Failure?.Message));
        var stats = rig.Sandbox.EvaluationStats();
        Assert.Equal(2, stats.BatchRequests);
        Assert.Equal(15, stats.TotalAppliedWrites);
        Assert.Equal(15, stats.DuplicatesIgnored);
        Assert.Equal(1, stats.MaxWritesPerKey);
        Assert.Equal(dossiers.Order(), rig.Sandbox.EvaluationWriteCounts().Keys.Order());
        var evaluation = Assert.Single(rig.Sandbox.Dossiers.Evaluations(dossiers[2]));
        Assert.Equal(3, evaluation.DiemDanhGia);
        Assert.Equal("Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.", evaluation.NoiDungDanhGia);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 15, 0, TimeSpan.FromHours(7)), evaluation.ThoiGianDanhGia);
    }

    [Fact]
    public async Task An_unknown_dossier_fails_that_evaluation_only_and_permanently()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 2);
        OutboundMessage[] batch =
        [
            EvaluationMessage(1, Evaluation(dossiers[0])),
            EvaluationMessage(2, Evaluation("KHONG-CO-HO-SO")),
            EvaluationMessage(3, Evaluation(dossiers[1])),
        ];

        var outcomes = await rig.Connector().WriteAsync("evaluations", batch, CancellationToken.None);

        Assert.Equal([true, false, true], outcomes.Select(o => o.Delivered));
        Assert.Equal(FailureKind.Permanent, outcomes[1].Failure!.Kind);
        Assert.Equal("IGATE-404", outcomes[1].Failure!.Code);
        Assert.Equal(2, rig.Sandbox.EvaluationStats().TotalAppliedWrites);
    }

    public static TheoryData<string> InvalidEvaluations => new()
    {
        """{"MaHoSo":"{0}","DiemDanhGia":0,"ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","DiemDanhGia":6,"ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","DiemDanhGia":-1,"ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","DiemDanhGia":4.5,"ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","DiemDanhGia":"tốt","ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","ThoiGianDanhGia":"20261130141500"}""",
        """{"MaHoSo":"{0}","DiemDanhGia":4}""",
        """{"MaHoSo":"{0}","DiemDanhGia":4,"ThoiGianDanhGia":"30/11/2026"}""",
        """{"DiemDanhGia":4,"ThoiGianDanhGia":"20261130141500"}""",
    };

    [Theory]
    [MemberData(nameof(InvalidEvaluations))]
    public async Task An_evaluation_with_a_missing_or_invalid_field_is_rejected_permanently_and_the_others_delivered(string template)
    {
        await using var rig = await IGateTestRig.StartAsync();
        var dossiers = Dossiers(rig, 2);
        OutboundMessage[] batch =
        [
            EvaluationMessage(1, template.Replace("{0}", dossiers[0], StringComparison.Ordinal)),
            EvaluationMessage(2, Evaluation(dossiers[1])),
        ];

        var outcomes = await rig.Connector().WriteAsync("evaluations", batch, CancellationToken.None);

        Assert.Equal(FailureKind.Permanent, outcomes[0].Failure?.Kind);
        Assert.Equal("IGATE-422", outcomes[0].Failure!.Code);
        Assert.True(outcomes[1].Delivered, outcomes[1].Failure?.Message);
        Assert.Empty(rig.Sandbox.Dossiers.Evaluations(dossiers[0]));
    }

    [Fact]
    public async Task A_score_sent_as_digits_is_accepted()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var maHoSo = Dossiers(rig, 1)[0];

        var outcomes = await rig.Connector().WriteAsync(
            "evaluations", [EvaluationMessage(1, $$"""{"MaHoSo":"{{maHoSo}}","DiemDanhGia":"4","ThoiGianDanhGia":"20261130141500"}""")], CancellationToken.None);

        Assert.True(Assert.Single(outcomes).Delivered);
        Assert.Equal(4, Assert.Single(rig.Sandbox.Dossiers.Evaluations(maHoSo)).DiemDanhGia);
    }

    [Fact]
    public async Task A_corrected_evaluation_replaces_the_one_of_the_same_time_and_a_later_one_is_kept_beside_it()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var connector = rig.Connector();
        var maHoSo = Dossiers(rig, 1)[0];
        await connector.WriteAsync("evaluations", [EvaluationMessage(1, Evaluation(maHoSo, diem: 2))], CancellationToken.None);

        var outcomes = await connector.WriteAsync(
            "evaluations",
            [EvaluationMessage(2, Evaluation(maHoSo, diem: 4)), EvaluationMessage(3, Evaluation(maHoSo, diem: 5, thoiGian: "20261201080000"))],
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.True(o.Delivered, o.Failure?.Message));
        Assert.Equal([4, 5], rig.Sandbox.Dossiers.Evaluations(maHoSo).Select(e => e.DiemDanhGia));
        Assert.Equal(3, rig.Sandbox.EvaluationWriteCounts()[maHoSo]);
    }

    [Fact]
    public async Task The_dossier_view_shows_its_evaluations()
    {
        await using var rig = await IGateTestRig.StartAsync();
        var maHoSo = Dossiers(rig, 1)[0];
        await rig.Connector().WriteAsync("evaluations", [EvaluationMessage(1, Evaluation(maHoSo, diem: 5))], CancellationToken.None);

        var view = await IGatePaymentWriteTests.ViewAsync(rig, maHoSo);

        var evaluation = Assert.Single(view["evaluations"]!.AsArray())!;
        Assert.Equal(5, (int)evaluation["diemDanhGia"]!);
        Assert.Equal("Cán bộ hướng dẫn tận tình, trả kết quả đúng hẹn.", (string?)evaluation["noiDungDanhGia"]);
        Assert.Equal("2026-11-30T14:15:00+07:00", (string?)evaluation["thoiGianDanhGia"]);
        Assert.False((bool)view["feePaid"]!);
    }
}
