using IntegrationHub.Contracts;
using Xunit;
using static IntegrationHub.Connectors.Tests.NationalPortal.IGatePayloads;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalProgressWriteTests
{
    private const string Progress = "progress";

    private static async Task<NationalPortalTestBed> StartWithDossiersAsync(params string[] codes)
    {
        var bed = await NationalPortalTestBed.StartAsync();
        var outcomes = await bed.WriteAsync("dossiers", Messages([.. codes.Select(code => Dossier(code, "DANG_XU_LY"))]));
        Assert.All(outcomes, outcome => Assert.True(outcome.Delivered, outcome.Failure?.Message));
        return bed;
    }

    [Fact]
    public async Task Steps_go_in_chunks_of_ten_in_order()
    {
        await using var bed = await StartWithDossiersAsync("HS-1");
        var batch = Messages([.. Enumerable.Range(1, 25).Select(stt => IGatePayloads.Progress("HS-1", stt))]);

        var outcomes = await bed.WriteAsync(Progress, batch);

        Assert.All(outcomes, outcome => Assert.True(outcome.Delivered, outcome.Failure?.Message));
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((3, 25, 0), (stats.ProgressCalls, stats.ProgressEntries, stats.OrderViolations));
        var stored = bed.Sandbox.FindDossier("HS-1")!.Progress;
        Assert.Equal(Enumerable.Range(1, 25), stored.Select(p => p.Stt));
        Assert.All(stored, step => Assert.Equal((4, "20250302143000"), (step.TrangThai, step.ThoiDiemXuLy)));
    }

    [Fact]
    public async Task Replayed_steps_are_not_stored_twice()
    {
        await using var bed = await StartWithDossiersAsync("HS-1", "HS-2");
        var batch = Messages(
            IGatePayloads.Progress("HS-1", 1), IGatePayloads.Progress("HS-2", 1, "CHO_BO_SUNG"), IGatePayloads.Progress("HS-1", 2, "CHO_TRA_KET_QUA"));

        await bed.WriteAsync(Progress, batch);
        var replay = await bed.WriteAsync(Progress, [.. batch.Select(m => m with { Attempt = 2 })]);

        Assert.All(replay, outcome => Assert.True(outcome.Delivered));
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((3, 3, 0), (stats.ProgressEntries, stats.DuplicatesIgnored, stats.OrderViolations));
        Assert.Equal([(1, 4), (2, 9)], bed.Sandbox.FindDossier("HS-1")!.Progress.Select(p => (p.Stt, p.TrangThai)));
        Assert.Equal([(1, 5)], bed.Sandbox.FindDossier("HS-2")!.Progress.Select(p => (p.Stt, p.TrangThai)));
    }

    [Fact]
    public async Task Step_of_a_dossier_the_portal_lacks_is_transient_DOSSIER_NOT_SYNCED()
    {
        await using var bed = await StartWithDossiersAsync("HS-1");

        var outcomes = await bed.WriteAsync(Progress, Messages(IGatePayloads.Progress("HS-9", 1), IGatePayloads.Progress("HS-1", 1)));

        Assert.Equal(FailureKind.Transient, outcomes[0].Failure!.Kind);
        Assert.Equal("DOSSIER_NOT_SYNCED", outcomes[0].Failure!.Code);
        Assert.Contains("HS-9", outcomes[0].Failure!.Message, StringComparison.Ordinal);
        Assert.True(outcomes[1].Delivered);
        Assert.Equal(1, bed.Sandbox.DossierStats.RejectedByCode["-4"]);
    }

    [Fact]
    public async Task Later_steps_of_a_dossier_that_failed_transiently_are_held_back()
    {
        await using var bed = await StartWithDossiersAsync("HS-1");
        var payloads = new[] { IGatePayloads.Progress("HS-9", 1) }
            .Concat(Enumerable.Range(1, 10).Select(stt => IGatePayloads.Progress("HS-1", stt)))
            .Append(IGatePayloads.Progress("HS-9", 2))
            .ToArray();

        var outcomes = await bed.WriteAsync(Progress, Messages(payloads));

        Assert.Equal("DOSSIER_NOT_SYNCED", outcomes[0].Failure!.Code);
        Assert.All(outcomes.Skip(1).Take(10), outcome => Assert.True(outcome.Delivered));
        Assert.Equal((FailureKind.Transient, "HELD_FOR_ORDER"), (outcomes[11].Failure!.Kind, outcomes[11].Failure!.Code));
        Assert.Equal(2, bed.Sandbox.DossierStats.ProgressCalls);
        Assert.Equal(1, bed.Sandbox.DossierStats.RejectedByCode["-4"]);
    }

    [Fact]
    public async Task Invalid_step_fails_permanently_and_the_rest_of_its_chunk_is_stored()
    {
        await using var bed = await StartWithDossiersAsync("HS-1");
        var bad = IGatePayloads.Progress("HS-1", 2);
        bad.Remove("nguoiXuLy");

        var outcomes = await bed.WriteAsync(Progress, Messages(IGatePayloads.Progress("HS-1", 1), bad, IGatePayloads.Progress("HS-1", 3, "DA_HUY")));

        Assert.True(outcomes[0].Delivered);
        Assert.Equal((FailureKind.Permanent, "-6"), (outcomes[1].Failure!.Kind, outcomes[1].Failure!.Code));
        Assert.Contains("Thiếu thông tin bắt buộc: NguoiXuLy", outcomes[1].Failure!.Message, StringComparison.Ordinal);
        Assert.True(outcomes[2].Delivered);
        Assert.Equal(1, bed.Sandbox.DossierStats.ProgressCalls);
    }

    [Fact]
    public async Task Unmappable_step_is_MAPPING_and_not_sent()
    {
        await using var bed = await StartWithDossiersAsync("HS-1");
        var bad = IGatePayloads.Progress("HS-1", 1);
        bad["thoiDiemXuLy"] = "02/03/2025 14:30";

        var outcome = Assert.Single(await bed.WriteAsync(Progress, Messages(bad)));

        Assert.Equal((FailureKind.Permanent, "MAPPING"), (outcome.Failure!.Kind, outcome.Failure!.Code));
        Assert.Equal(0, bed.Sandbox.DossierStats.ProgressCalls);
    }
}
