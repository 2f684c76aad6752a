using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Connectors.NationalPortal.Sandbox;
using Xunit;
using static IntegrationHub.Connectors.Tests.NationalPortal.SandboxPortalClient;

namespace IntegrationHub.Connectors.Tests.NationalPortal;

public sealed class NationalPortalSandboxDossierTests
{
    [Fact]
    public async Task Lookup_finds_a_stored_dossier_and_answers_minus_4_for_an_unknown_one()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1", 4));

        var found = await portal.CallAsync("TraCuuHoSo", false, new { mahoso = "HS-1" });
        var missing = await portal.CallAsync("TraCuuHoSo", false, new { mahoso = "HS-2" });

        Assert.Equal("0", Code(found));
        Assert.Equal("4", found.GetProperty("result").GetProperty("TrangThaiHoSo").GetString());
        Assert.Equal("-4", Code(missing));
    }

    [Fact]
    public async Task Creating_a_stored_dossier_again_answers_minus_3_already_exists()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1"));

        var reply = await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1"));
        var update = await portal.CallAsync("DongBoHoSoMC", true, Dossier("HS-2"));

        Assert.Equal("-3", Code(reply));
        Assert.Contains("đã tồn tại", reply.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("-4", Code(update));
    }

    [Fact]
    public async Task Missing_fields_are_listed_together_with_minus_6()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var dossier = Dossier("HS-1", 10);
        dossier.Remove("ChuHoSo");
        dossier["NgayTra"] = null;
        dossier["NgayHenTra"] = " ";

        var reply = await new SandboxPortalClient(bed).CallAsync("DongBoHoSoMC", false, dossier);

        Assert.Equal("-6", Code(reply));
        Assert.Equal("Thiếu thông tin bắt buộc: ChuHoSo, NgayHenTra, NgayTra", reply.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_dossier_still_being_received_needs_no_receipt_or_due_date()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var dossier = Dossier("HS-1", 1);
        dossier.Remove("NgayTiepNhan");
        dossier.Remove("NgayHenTra");

        Assert.Equal("0", Code(await new SandboxPortalClient(bed).CallAsync("DongBoHoSoMC", false, dossier)));
    }

    [Theory]
    [InlineData("MaTTHC", "1.003560.000.00.00.H5", "MaTTHC '1.003560.000.00.00.H5' không đúng định dạng mã thủ tục")]
    [InlineData("MaTTHC", "1.003560.000.00.00.h56", "không đúng định dạng mã thủ tục")]
    [InlineData("NgayNopHoSo", "2025-03-01 08:15", "NgayNopHoSo '2025-03-01 08:15' không phải ngày giờ dạng yyyyMMddHHmmss")]
    [InlineData("NgayHenTra", "20250230170000", "NgayHenTra '20250230170000' không phải ngày giờ dạng yyyyMMddHHmmss")]
    [InlineData("TrangThaiHoSo", "11", "TrangThaiHoSo '11' không thuộc danh mục trạng thái (0..10)")]
    [InlineData("LoaiDoiTuong", "5", "LoaiDoiTuong '5' không thuộc danh mục đối tượng (1..4)")]
    [InlineData("KenhThucHien", "0", "KenhThucHien '0' không thuộc danh mục kênh thực hiện (1..3)")]
    public async Task Malformed_fields_are_refused_with_minus_7(string field, string value, string expected)
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var dossier = Dossier("HS-1");
        dossier[field] = value;

        var reply = await new SandboxPortalClient(bed).CallAsync("DongBoHoSoMC", false, dossier);

        Assert.Equal("-7", Code(reply));
        Assert.Contains(expected, reply.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, bed.Sandbox.DossierStats.DossierCount);
    }

    [Fact]
    public async Task Personal_id_must_be_12_digits()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var dossier = Dossier("HS-1");
        dossier["DinhDanhCHS"] = new[] { new { LoaiDinhDanh = "1", SoDinhDanh = "0011850123" } };

        var reply = await new SandboxPortalClient(bed).CallAsync("DongBoHoSoMC", false, dossier);

        Assert.Equal("-7", Code(reply));
        Assert.Contains("SoDinhDanh '0011850123' phải gồm đúng 12 chữ số", reply.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 10, true)] // a scheduled read may skip versions: forward jumps are fine
    [InlineData(4, 5, true)]
    [InlineData(5, 4, true)]
    [InlineData(1, 7, true)]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, true)] // a correction of a done dossier
    [InlineData(4, 2, false)]
    [InlineData(9, 4, false)]
    [InlineData(10, 4, false)]
    [InlineData(3, 4, false)]
    [InlineData(7, 2, false)]
    public async Task Status_transitions_follow_the_stage_table(int from, int to, bool allowed)
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1", from));

        var reply = await portal.CallAsync("DongBoHoSoMC", true, Dossier("HS-1", to));

        Assert.Equal(allowed ? "0" : "-8", Code(reply));
        Assert.Equal(allowed ? [from, to] : [from], bed.Sandbox.FindDossier("HS-1")!.StatusHistory);
        Assert.Equal(allowed ? 0 : 1, bed.Sandbox.DossierStats.OrderViolations);
    }

    [Fact]
    public async Task Progress_answers_per_step_and_counts_steps_out_of_order()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1"));

        var reply = await portal.CallAsync("CapNhatTienDoHoSoMC", false, Step("HS-1", 1), Step("HS-1", 3), Step("HS-9", 1), Step("HS-1", 3));

        Assert.Equal("-4", Code(reply));
        Assert.Equal(["0", "0", "-4", "0"], ItemCodes(reply));
        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((3, 2), (stats.ProgressEntries, stats.OrderViolations));
        Assert.Equal(["HS-1: step 3 arrived after step 1", "HS-1: step 3 arrived after step 3"], stats.OrderViolationSamples);
    }

    [Fact]
    public async Task More_than_ten_steps_in_one_call_are_refused()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);

        var reply = await portal.CallAsync("CapNhatTienDoHoSoMC", false, [.. Enumerable.Range(1, 11).Select(stt => (object)Step("HS-1", stt))]);

        Assert.Equal("-5", Code(reply));
        Assert.Equal(0, bed.Sandbox.DossierStats.ProgressCalls);
    }

    [Fact]
    public async Task Items_without_a_key_are_applied_every_time()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1"));

        await portal.CallAsync("CapNhatTienDoHoSoMC", false, Step("HS-1", 1), Step("HS-1", 1, key: "k1"), Step("HS-1", 1, key: "k1"), Step("HS-1", 1));

        Assert.Equal((3, 1), (bed.Sandbox.DossierStats.ProgressEntries, bed.Sandbox.DossierStats.DuplicatesIgnored));
    }

    [Fact]
    public async Task Control_surface_shows_stats_and_one_dossier()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        await portal.CallAsync("DongBoHoSoMC", false, Dossier("HS-1", 2, "k1"));
        await portal.CallAsync("DongBoHoSoMC", true, Dossier("HS-1", 4, "k2"));
        await portal.CallAsync("CapNhatTienDoHoSoMC", false, Step("HS-1", 1, 4, "k3"));

        var stats = await bed.Http.GetFromJsonAsync<JsonElement>(new Uri(bed.BaseAddress, "sandbox/dossiers/stats"));
        var dossier = await bed.Http.GetFromJsonAsync<JsonElement>(new Uri(bed.BaseAddress, "sandbox/dossiers/HS-1"));
        using var missing = await bed.Http.GetAsync(new Uri(bed.BaseAddress, "sandbox/dossiers/HS-404"));

        Assert.Equal((1, 1, 1), (stats.GetProperty("dossierCount").GetInt32(), stats.GetProperty("progressEntries").GetInt32(), stats.GetProperty("dossierUpdates").GetInt32()));
        Assert.Equal([2, 4], dossier.GetProperty("statusHistory").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(1, dossier.GetProperty("progress")[0].GetProperty("stt").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Reject_rule_is_read_and_replaced_through_the_control_surface()
    {
        await using var bed = await NationalPortalTestBed.StartAsync(o => o.RejectRule.RejectEveryNth = 100);
        var url = new Uri(bed.BaseAddress, "sandbox/reject-rule");

        var before = await bed.Http.GetFromJsonAsync<JsonElement>(url);
        using var invalid = await bed.Http.PutAsJsonAsync(url, new { rejectEveryNth = -1 });
        using var changed = await bed.Http.PutAsJsonAsync(url, new { rejectEveryNth = 1 });
        var reply = await new SandboxPortalClient(bed).CallAsync("DongBoHoSoMC", false, Dossier("HS-1"));

        Assert.Equal(100, before.GetProperty("rejectEveryNth").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(1, bed.Sandbox.RejectRule.RejectEveryNth);
        Assert.Equal("-10", Code(reply));
        Assert.Equal("Hồ sơ không hợp lệ theo quy tắc kiểm tra", reply.GetProperty("message").GetString());
    }

    [Fact]
    public void Reject_rule_hash_is_stable_and_spreads_similar_codes_evenly()
    {
        Assert.Equal(NationalPortalRejectRule.StableHash("HS-1"), NationalPortalRejectRule.StableHash("HS-1"));

        // Codes that differ only in their serial must hit a 1-in-100 rule about once in a hundred (a character sum never did).
        var rule = new NationalPortalRejectRule { RejectEveryNth = 100 };
        var rejected = Enumerable.Range(1, 10_000).Count(n => rule.Rejects($"000.00.01.H56-261128-{n:D4}"));
        Assert.InRange(rejected, 60, 140);
        Assert.True(new NationalPortalRejectRule { RejectEveryNth = NationalPortalRejectRule.StableHash("HS-1") }.Rejects("HS-1"));
        Assert.False(new NationalPortalRejectRule { RejectEveryNth = 0 }.Rejects("HS-1"));
    }

    [Fact]
    public async Task Seeding_a_dossier_twice_is_refused()
    {
        await using var sandbox = new NationalPortalSandbox(new NationalPortalSandboxOptions { Password = "x" });
        sandbox.SeedDossier("HS-1", IGatePayloads.ProcedureCode, 2);

        Assert.Throws<InvalidOperationException>(() => sandbox.SeedDossier("HS-1", IGatePayloads.ProcedureCode, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.SetRejectRule(new NationalPortalRejectRule { RejectEveryNth = -1 }));
    }

    [Fact]
    public async Task Ten_thousand_dossiers_and_thirty_thousand_steps_are_taken_quickly()
    {
        await using var bed = await NationalPortalTestBed.StartAsync();
        var portal = new SandboxPortalClient(bed);
        var codes = Enumerable.Range(1, 10_000).Select(i => $"H56.22-250301-{i:00000}").ToList();
        var stopwatch = Stopwatch.StartNew();

        foreach (var chunk in codes.Chunk(1000))
        {
            await portal.CallAsync("DongBoHoSoMC", false, [.. chunk.Select(code => (object)Dossier(code, 4, $"{code}:v1"))]);
        }

        // Three dossiers' steps per call, so that calls in parallel never split one dossier's steps.
        var calls = codes.Chunk(3).Select(group => group
            .SelectMany(code => Enumerable.Range(1, 3).Select(stt => (object)Step(code, stt, 4, $"{code}:{stt}")))
            .ToArray());
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (steps, _) =>
            await portal.CallAsync("CapNhatTienDoHoSoMC", false, steps));
        stopwatch.Stop();

        var stats = bed.Sandbox.DossierStats;
        Assert.Equal((10_000, 30_000, 0), (stats.DossierCount, stats.ProgressEntries, stats.OrderViolations));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }
}
