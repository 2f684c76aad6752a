using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate;
using Xunit;
using Xunit.Abstractions;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>The sandbox's dossier generator: valid lifecycles, plausible data, determinism and speed.</summary>
public sealed class IGateDossierGenerationTests(ITestOutputHelper output)
{
    private static IGateSandbox Sandbox(int seed = 7, TimeProvider? clock = null) =>
        new(new IGateSandboxOptions { ApiKey = IGateTestRig.ApiKey, Seed = seed }, clock ?? IGateClock.Fixed());

    [Fact]
    public async Task Every_generated_transition_is_one_the_lifecycle_allows()
    {
        await using var sandbox = Sandbox();
        var codes = sandbox.Dossiers.Generate(2000, 8);

        var statuses = new HashSet<string>();
        foreach (var code in codes)
        {
            var progress = sandbox.Dossiers.Progress(code);
            var steps = progress.Select(p => (string)p["trangThai"]!).ToList();
            Assert.Equal(IGateDossierLifecycle.Initial, steps[0]);
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.True(IGateDossierLifecycle.IsAllowed(steps[i - 1], steps[i]), $"{code}: {steps[i - 1]} -> {steps[i]}");
            }

            Assert.True(steps.Count == 9 || IGateDossierLifecycle.IsFinal(steps[^1]), $"{code} stopped early in {steps[^1]}");
            Assert.Equal(Enumerable.Range(1, steps.Count), progress.Select(p => (int)p["stt"]!));
            var dossier = sandbox.Dossiers.Snapshot(code)!;
            Assert.Equal(steps[^1], (string)dossier["trangThai"]!);
            Assert.Equal(steps.Count, (int)dossier["version"]!);
            Assert.Equal(steps[^1] == IGateDossierStatus.DaTraKetQua, dossier["ngayTra"] is not null);
            statuses.UnionWith(steps);
        }

        // A sample this size walks every status.
        Assert.Equal(IGateDossierStatus.All.Order(StringComparer.Ordinal), statuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_lifecycle_matches_the_documented_flow()
    {
        Assert.Equal([IGateDossierStatus.MoiTiepNhan, IGateDossierStatus.DaHuy], IGateDossierLifecycle.NextStatuses(IGateDossierStatus.ChoTiepNhan));
        Assert.True(IGateDossierLifecycle.IsAllowed(IGateDossierStatus.DangXuLy, IGateDossierStatus.ChoBoSung));
        Assert.True(IGateDossierLifecycle.IsAllowed(IGateDossierStatus.ChoBoSung, IGateDossierStatus.DangXuLy));
        Assert.True(IGateDossierLifecycle.IsAllowed(IGateDossierStatus.MoiTiepNhan, IGateDossierStatus.TuChoi));
        Assert.False(IGateDossierLifecycle.IsAllowed(IGateDossierStatus.ChoTiepNhan, IGateDossierStatus.DangXuLy));
        Assert.False(IGateDossierLifecycle.IsAllowed(IGateDossierStatus.DaTraKetQua, IGateDossierStatus.DangXuLy));
        Assert.All([IGateDossierStatus.DaTraKetQua, IGateDossierStatus.TuChoi, IGateDossierStatus.DaHuy], s => Assert.True(IGateDossierLifecycle.IsFinal(s)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 9, 10], IGateDossierStatus.All.Select(s => IGateDossierStatus.NationalCode(s)!.Value).Order());
    }

    [Fact]
    public async Task Dossiers_carry_plausible_vietnamese_data()
    {
        await using var sandbox = Sandbox();
        var dossiers = sandbox.Dossiers.Generate(500, 3).Select(code => sandbox.Dossiers.Snapshot(code)!).ToList();

        Assert.All(dossiers, d =>
        {
            var id = (string)d["soDinhDanh"]!;
            // The population sandbox's province (056) for most; another province's id for the share meant to be unknown.
            Assert.Matches("^(056|001|031|048|068|079|092)[0-3][0-9]{8}$", id);
            Assert.Equal(12, id.Length);
            var born = DateOnly.ParseExact((string)d["ngaySinh"]!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(born.Year, 1940, 2008);
            Assert.Matches(@"^[0-9]\.[0-9]{6}\.000\.00\.00\.H56$", (string)d["maTTHC"]!);
            Assert.Matches(@"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H56$", (string)d["donViXuLy"]!);
            Assert.StartsWith((string)d["donViXuLy"]! + "-261128-", (string)d["maHoSo"]!, StringComparison.Ordinal);
            Assert.Matches("^0[0-9]{9}$", (string)d["soDienThoai"]!);
            Assert.Matches("^[a-z]+[0-9]{2}@", (string)d["email"]!);
            Assert.InRange((int)d["loaiDoiTuong"]!, 1, 4);
            Assert.InRange((int)d["kenhThucHien"]!, 1, 3);
            Assert.NotEmpty(d["taiLieuNop"]!.AsArray());
            Assert.All(new[] { "ngayNop", "ngayTiepNhan", "ngayHenTra", "updatedAt" }, field => Assert.EndsWith("+07:00", (string)d[field]!, StringComparison.Ordinal));
        });
        Assert.Contains(dossiers, d => ((string)d["ngayHenTra"]!).EndsWith("T00:00:00+07:00", StringComparison.Ordinal));
        Assert.Contains(dossiers, d => ((string)d["ngayHenTra"]!).EndsWith("T12:00:00+07:00", StringComparison.Ordinal));
        Assert.Contains(dossiers, d => ((string)d["chuHoSo"]!).StartsWith("Nguyễn ", StringComparison.Ordinal));
        Assert.Contains(dossiers, d => d["lePhi"]!.AsArray().Count > 0 && (long)d["lePhi"]![0]!["soTien"]! > 0);
        Assert.True(dossiers.Select(d => (string)d["maTTHC"]!).Distinct().Count() >= 5);
        var ids = dossiers.Select(d => (string)d["soDinhDanh"]!).ToList();
        Assert.InRange(ids.Count(id => id.StartsWith("056", StringComparison.Ordinal)), 430, 495);
    }

    [Fact]
    public async Task The_same_seed_and_clock_give_the_same_dossiers()
    {
        await using var one = Sandbox(seed: 42);
        await using var two = Sandbox(seed: 42);
        await using var other = Sandbox(seed: 43);

        var first = one.Dossiers.Generate(50, 3).Select(c => one.Dossiers.Snapshot(c)!.ToJsonString()).ToList();
        var second = two.Dossiers.Generate(50, 3).Select(c => two.Dossiers.Snapshot(c)!.ToJsonString()).ToList();
        var third = other.Dossiers.Generate(50, 3).Select(c => other.Dossiers.Snapshot(c)!.ToJsonString()).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task Ten_thousand_dossiers_with_three_changes_each_generate_in_under_two_seconds()
    {
        await using var sandbox = Sandbox(clock: TimeProvider.System);
        sandbox.Dossiers.Generate(100, 3);

        var watch = Stopwatch.StartNew();
        sandbox.Dossiers.Generate(10_000, 3);
        watch.Stop();

        output.WriteLine($"10,000 x 3: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        var stats = sandbox.Dossiers.Stats();
        Assert.Equal(10_100, stats.Dossiers);
        Assert.Equal(stats.Dossiers + stats.StatusChanges, stats.ProgressEntries);

        // Three each, less the dossiers cancelled or denied on the way.
        Assert.InRange(stats.StatusChanges, 26_000, 30_300);
    }

    [Fact]
    public async Task Advance_moves_one_step_and_refuses_final_or_unknown_dossiers()
    {
        await using var sandbox = Sandbox();
        var code = sandbox.Dossiers.Add();

        var statuses = new List<string> { IGateDossierLifecycle.Initial };
        while (!IGateDossierLifecycle.IsFinal(statuses[^1]))
        {
            statuses.Add(sandbox.Dossiers.Advance(code));
        }

        Assert.Throws<InvalidOperationException>(() => sandbox.Dossiers.Advance(code));
        Assert.Throws<KeyNotFoundException>(() => sandbox.Dossiers.Advance("000.00.01.H56-261128-9999"));
        Assert.Equal(statuses.Count, (int)sandbox.Dossiers.Snapshot(code)!["version"]!);
        Assert.Null(sandbox.Dossiers.Snapshot("nope"));
        Assert.Empty(sandbox.Dossiers.Progress("nope"));
    }

    [Fact]
    public async Task Initial_dossiers_are_generated_at_start_in_a_mix_of_statuses()
    {
        var options = new IGateSandboxOptions { ApiKey = IGateTestRig.ApiKey, Dossiers = { InitialCount = 300 } };
        await using var sandbox = new IGateSandbox(options, IGateClock.Fixed());

        await sandbox.StartAsync(CancellationToken.None);

        var stats = sandbox.Dossiers.Stats();
        Assert.Equal(300, stats.Dossiers);
        Assert.True(stats.ByStatus.Count >= 5, string.Join(", ", stats.ByStatus));
        Assert.Equal(300, stats.ByStatus.Values.Sum());
    }

    [Fact]
    public async Task With_GenerateEvery_the_sandbox_files_and_advances_dossiers_on_its_clock()
    {
        var clock = IGateClock.Fixed();
        var options = new IGateSandboxOptions
        {
            ApiKey = IGateTestRig.ApiKey,
            Dossiers = { GenerateEvery = TimeSpan.FromSeconds(10), NewPerTick = 4, AdvancesPerTick = 2 },
        };
        await using var sandbox = new IGateSandbox(options, clock);
        await sandbox.StartAsync(CancellationToken.None);
        Assert.Equal(0, sandbox.Dossiers.Count);

        clock.Advance(TimeSpan.FromSeconds(10));
        await WaitUntil(() => sandbox.Dossiers.Count == 4);
        clock.Advance(TimeSpan.FromSeconds(10));
        await WaitUntil(() => sandbox.Dossiers.Count == 8 && sandbox.Dossiers.Stats().StatusChanges == 4);

        Assert.Equal(
            ["2026-11-28T00:00:10+07:00", "2026-11-28T00:00:20+07:00"],
            sandbox.Dossiers.Codes().Select(c => (string)sandbox.Dossiers.Progress(c)[0]["recordedAt"]!).Distinct());
    }

    [Fact]
    public async Task Invalid_dossier_options_stop_the_sandbox_from_starting()
    {
        var options = new IGateSandboxOptions { ApiKey = IGateTestRig.ApiKey, Dossiers = { GenerateEvery = TimeSpan.FromSeconds(-1), InitialCount = -5 } };
        await using var sandbox = new IGateSandbox(options);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.StartAsync(CancellationToken.None));

        Assert.Contains("Dossiers:GenerateEvery must be between", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Dossiers:InitialCount must be between 0 and 1000000.", ex.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 10 s");
            await Task.Delay(10);
        }
    }
}
