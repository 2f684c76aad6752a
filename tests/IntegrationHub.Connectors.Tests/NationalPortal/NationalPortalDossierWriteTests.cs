using System.Net.Http.Json;
using System.Text;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.NationalPortal.IGatePayloads;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalDossierWriteTests
{
    private const string Dossiers = "dossiers";

    [Fact]
    public async Task New_dossier_is_created_with_portal_dates()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var outcomes = await bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1")));

        Assert.True(Assert.Single(outcomes).Delivered);
        var stored = bed.Sandbox.FindDossier("HS-1")!;
        Assert.Equal((ProcedureCode, 2, "Nguyễn Thị Hồng Nhung"), (stored.MaTTHC, stored.TrangThaiHoSo, stored.ChuHoSo));
        Assert.Equal(("20250301081500", "20250301090000", "20250315170000", null), (stored.NgayNopHoSo, stored.NgayTiepNhan, stored.NgayHenTra, stored.NgayTra));
        Assert.Equal((1, 1, 0), (bed.Sandbox.DossierStats.LookupCalls, bed.Sandbox.DossierStats.DossierCalls, stored.Updates));
    }

    [Fact]
    public async Task Same_key_written_twice_leaves_one_dossier_and_one_applied_version()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var message = Message(1, Dossier("HS-1"));

        var first = await bed.WriteAsync(Dossiers, message);
        var retry = await bed.WriteAsync(Dossiers, message with { Attempt = 2 });
        var inOneBatch = await bed.WriteAsync(Dossiers, message, message);

        Assert.All(first.Concat(retry).Concat(inOneBatch), outcome => Assert.True(outcome.Delivered));
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((1, 3, 0), (stats.DossierCount, stats.DuplicatesIgnored, stats.DossierUpdates));
        Assert.Equal([2], bed.Sandbox.FindDossier("HS-1")!.StatusHistory);
    }

    [Fact]
    public async Task Next_version_is_looked_up_and_sent_as_an_update()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        await bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1", "MOI_TIEP_NHAN", version: 1)));
        var outcomes = await bed.WriteAsync(Dossiers, Message(2, Dossier("HS-1", "DANG_XU_LY", version: 2)));

        Assert.True(Assert.Single(outcomes).Delivered);
        var stored = bed.Sandbox.FindDossier("HS-1")!;
        Assert.Equal([2, 4], stored.StatusHistory);
        Assert.Equal(1, stored.Updates);
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((2, 2, 0), (stats.LookupCalls, stats.DossierCalls, stats.RejectedByCode.Values.Sum()));
    }

    [Fact]
    public async Task Versions_of_one_dossier_in_one_batch_are_applied_in_batch_order()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var batch = Messages(
            Dossier("HS-1", "CHO_TIEP_NHAN", 1), Dossier("HS-2", "MOI_TIEP_NHAN", 1), Dossier("HS-1", "MOI_TIEP_NHAN", 2),
            Dossier("HS-1", "DANG_XU_LY", 3), Dossier("HS-2", "TU_CHOI", 2), Dossier("HS-1", "CHO_TRA_KET_QUA", 4),
            Dossier("HS-1", "DA_TRA_KET_QUA", 5));

        var outcomes = await bed.Connector(o => o.MaxParallelWrites = 4).WriteAsync(Dossiers, batch, CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.True(outcome.Delivered, outcome.Failure?.Message));
        Assert.Equal(batch.Select(m => m.MessageId), outcomes.Select(o => o.MessageId));
        Assert.Equal([1, 2, 4, 9, 10], bed.Sandbox.FindDossier("HS-1")!.StatusHistory);
        Assert.Equal([2, 3], bed.Sandbox.FindDossier("HS-2")!.StatusHistory);
        Assert.Equal(0, bed.Sandbox.DossierStats.OrderViolations);
    }

    [Fact]
    public async Task Dossier_that_already_exists_at_create_time_is_resent_as_an_update()
    {
        // Filed on the portal by another channel, and invisible to the lookup (as if created between lookup and push).
        await using var bed = await NationalPortalTestBed.StartAsync(handler: new LookupHidingHandler());
        bed.Sandbox.SeedDossier("HS-1", ProcedureCode, trangThaiHoSo: 1);

        var outcomes = await bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1", "MOI_TIEP_NHAN")));

        Assert.True(Assert.Single(outcomes).Delivered, outcomes[0].Failure?.Message);
        Assert.Equal([1, 2], bed.Sandbox.FindDossier("HS-1")!.StatusHistory);
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal(2, stats.DossierCalls);
        Assert.Equal(1, stats.RejectedByCode["-3"]);
        Assert.Equal(1, stats.DossierCount);
    }

    [Fact]
    public async Task Dossier_refused_by_the_rule_fails_permanently_and_the_others_succeed()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.RejectRule.RejectEveryNth = 7);
        var codes = Enumerable.Range(1, 30).Select(i => $"HS-{i:000}").ToList();
        var refused = codes.Where(new NationalPortalRejectRule { RejectEveryNth = 7 }.Rejects).ToHashSet();
        Assert.InRange(refused.Count, 1, 29);
        var batch = Messages([.. codes.Select(code => Dossier(code))]);

        var outcomes = await bed.WriteAsync(Dossiers, batch);

        foreach (var (message, outcome) in batch.Zip(outcomes))
        {
            if (refused.Contains(message.BusinessKey))
            {
                Assert.Equal(FailureKind.Permanent, outcome.Failure!.Kind);
                Assert.Equal("-10", outcome.Failure.Code);
                Assert.Contains("Hồ sơ không hợp lệ theo quy tắc kiểm tra", outcome.Failure.Message, StringComparison.Ordinal);
                Assert.Contains(message.BusinessKey, outcome.Failure.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(outcome.Delivered);
            }
        }

        Assert.Equal(codes.Count - refused.Count, bed.Sandbox.DossierStats.DossierCount);
        Assert.Equal(refused.Count, bed.Sandbox.DossierStats.RejectedByCode["-10"]);
    }

    [Fact]
    public async Task Replay_after_the_rule_is_fixed_delivers_the_refused_dossiers_once()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.RejectRule.RejectEveryNth = 1);
        var batch = Messages(Dossier("HS-1"), Dossier("HS-2"));
        Assert.All(await bed.WriteAsync(Dossiers, batch), outcome => Assert.Equal("-10", outcome.Failure?.Code));

        using var response = await bed.Http.PutAsJsonAsync(new Uri(bed.BaseAddress, "sandbox/reject-rule"), new { rejectEveryNth = 0 });
        response.EnsureSuccessStatusCode();
        var replay = await bed.WriteAsync(Dossiers, batch);
        var again = await bed.WriteAsync(Dossiers, batch);

        Assert.All(replay.Concat(again), outcome => Assert.True(outcome.Delivered));
        Assert.Equal((2, 2), (bed.Sandbox.DossierStats.DossierCount, bed.Sandbox.DossierStats.DuplicatesIgnored));
        Assert.Equal(0, bed.Sandbox.RejectRule.RejectEveryNth);
    }

    [Fact]
    public async Task Status_going_back_from_a_final_status_is_refused_permanently()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        await bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1", "DA_TRA_KET_QUA", 1)));

        var outcome = Assert.Single(await bed.WriteAsync(Dossiers, Message(2, Dossier("HS-1", "DANG_XU_LY", 2))));

        Assert.Equal(FailureKind.Permanent, outcome.Failure!.Kind);
        Assert.Equal("-8", outcome.Failure.Code);
        Assert.Contains("Không thể chuyển trạng thái hồ sơ HS-1 từ 10 sang 4", outcome.Failure.Message, StringComparison.Ordinal);
        Assert.Equal([10], bed.Sandbox.FindDossier("HS-1")!.StatusHistory);
        Assert.Equal(1, bed.Sandbox.DossierStats.OrderViolations);
    }

    [Fact]
    public async Task Portal_validation_error_is_permanent_with_the_portal_code_and_message()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var bad = Dossier("HS-1");
        bad["maTTHC"] = "1.2.3";

        var outcomes = await bed.WriteAsync(Dossiers, Message(1, bad), Message(2, Dossier("HS-2")));

        Assert.Equal(FailureKind.Permanent, outcomes[0].Failure!.Kind);
        Assert.Equal("-7", outcomes[0].Failure!.Code);
        Assert.Contains("MaTTHC '1.2.3' không đúng định dạng mã thủ tục", outcomes[0].Failure!.Message, StringComparison.Ordinal);
        Assert.True(outcomes[1].Delivered);
    }

    [Fact]
    public async Task Unknown_status_fails_that_message_with_MAPPING_and_sends_nothing_for_it()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var outcomes = await bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1", "DANG_THAM_DINH")), Message(2, Dossier("HS-2")));

        Assert.Equal(FailureKind.Permanent, outcomes[0].Failure!.Kind);
        Assert.Equal("MAPPING", outcomes[0].Failure!.Code);
        Assert.Contains("DANG_THAM_DINH", outcomes[0].Failure!.Message, StringComparison.Ordinal);
        Assert.True(outcomes[1].Delivered);
        Assert.Equal((1, 1), (bed.Sandbox.DossierStats.LookupCalls, bed.Sandbox.DossierStats.DossierCount));
    }

    [Fact]
    public async Task Server_error_fails_the_batch_as_transient()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.Faults = new SandboxFaultOptions
        {
            FailureRate = 1, ServerErrorWeight = 1, TooManyRequestsWeight = 0, TimeoutWeight = 0,
        });

        var exception = await Assert.ThrowsAsync<ConnectorException>(() => bed.WriteAsync(Dossiers, Message(1, Dossier("HS-1"))));

        Assert.Equal(FailureKind.Transient, exception.Failure.Kind);
        Assert.Equal("http-500", exception.Failure.Code);
        Assert.Equal(0, bed.Sandbox.DossierStats.DossierCount);
    }

    [Fact]
    public async Task Unknown_stream_and_missing_StatusMap_are_config_failures()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        var stream = await Assert.ThrowsAsync<ConnectorException>(() => bed.WriteAsync("procedures", Message(1, Dossier("HS-1"))));
        var options = await Assert.ThrowsAsync<ConnectorException>(
            () => bed.Connector(o => o.StatusMap = []).WriteAsync(Dossiers, [Message(1, Dossier("HS-1"))], CancellationToken.None));

        Assert.Equal((FailureKind.Config, "unknown-stream"), (stream.Failure.Kind, stream.Failure.Code));
        Assert.Equal((FailureKind.Config, "options"), (options.Failure.Kind, options.Failure.Code));
        Assert.Contains("StatusMap", options.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Sandbox.Stats.LoginCalls);
    }

    [Fact]
    public async Task Empty_batch_calls_nothing()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();

        Assert.Empty(await bed.WriteAsync(Dossiers));
        Assert.Equal(0, bed.Sandbox.Stats.LoginCalls);
    }

    /// <summary>Makes every TraCuuHoSo ask for a dossier nobody has, so the connector believes it must create.</summary>
    private sealed class LookupHidingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body is not null && body.Contains("\"service\":\"TraCuuHoSo\"", StringComparison.Ordinal))
            {
                request.Content = new StringContent(body.Replace("\"mahoso\":\"", "\"mahoso\":\"KHONG-CO-", StringComparison.Ordinal), Encoding.UTF8, "application/json");
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
