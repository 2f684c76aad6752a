using System.Text.Json;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Reading the dossiers feed: keyset pages with many equal timestamps, checkpoints, resume.</summary>
public sealed class IGateDossierReadTests
{
    private static List<SourceRecord> Records(IEnumerable<SourceItem> items) => [.. items.OfType<SourceRecord>()];

    private static List<SourceCheckpoint> Checkpoints(IEnumerable<SourceItem> items) => [.. items.OfType<SourceCheckpoint>()];

    [Fact]
    public async Task Reads_every_dossier_once_across_pages_of_equal_timestamps()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        rig.Sandbox.Dossiers.Generate(400, 3);
        clock.Advance(TimeSpan.FromSeconds(1));
        rig.Sandbox.Dossiers.Generate(300, 2);

        // 37 does not divide the runs: pages start and end in the middle of equal timestamps.
        var items = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 37), "dossiers");

        var records = Records(items);
        Assert.Equal(700, records.Count);
        Assert.Equal(rig.Sandbox.Dossiers.Codes().Order(StringComparer.Ordinal), records.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, records.Select(r => JsonDocument.Parse(r.Payload).RootElement.GetProperty("updatedAt").GetString()).Distinct().Count());
        Assert.All(records, r => Assert.Equal((string?)rig.Sandbox.Dossiers.Snapshot(r.Key)!["version"]?.ToString(), r.Version));
        Assert.Equal(19, Checkpoints(items).Count);
    }

    [Fact]
    public async Task Records_come_in_updatedAt_then_maHoSo_order_with_a_checkpoint_after_each_page()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        rig.Sandbox.Dossiers.Generate(60, 1);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        rig.Sandbox.Dossiers.Generate(45, 1);

        var items = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 25), "dossiers");

        var keys = Records(items).Select(r => Keyset(r.Payload)).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        for (var page = 0; page < 4; page++)
        {
            var block = items.Skip(page * 26).Take(26).ToList();
            Assert.All(block.Take(25), item => Assert.IsType<SourceRecord>(item));
            var checkpoint = Assert.IsType<SourceCheckpoint>(block[25]);
            var last = JsonDocument.Parse(((SourceRecord)block[24]).Payload).RootElement;
            Assert.Equal(
                $$"""{"since":"{{last.GetProperty("updatedAt").GetString()}}","afterId":"{{last.GetProperty("maHoSo").GetString()}}"}""",
                checkpoint.State);
        }

        Assert.IsType<SourceCheckpoint>(items[^1]);
        Assert.Equal(105 + 5, items.Count);
    }

    [Fact]
    public async Task Resuming_from_a_mid_checkpoint_reads_only_the_later_changes()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        rig.Sandbox.Dossiers.Generate(250, 3);
        var connector = rig.Connector(batchSize: 40);
        var all = await IGateTestRig.ReadAllAsync(connector, "dossiers");
        var third = Checkpoints(all)[2];

        var resumed = await IGateTestRig.ReadAllAsync(connector, "dossiers", third);

        var afterThird = Records(all.Skip(all.IndexOf(third) + 1));
        Assert.Equal(afterThird.Select(r => r.Key), Records(resumed).Select(r => r.Key));
        Assert.Equal(130, Records(resumed).Count);
        Assert.Equal(Checkpoints(all)[^1], Checkpoints(resumed)[^1]);
    }

    [Fact]
    public async Task A_dossier_changed_after_the_checkpoint_is_read_again_with_its_new_version()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        var codes = rig.Sandbox.Dossiers.Generate(120, 1);
        var connector = rig.Connector(batchSize: 50);
        var first = await IGateTestRig.ReadAllAsync(connector, "dossiers");
        var changed = codes.First(code => !IGateDossierLifecycle.IsFinal((string)rig.Sandbox.Dossiers.Snapshot(code)!["trangThai"]!));
        var versionBefore = Records(first).Single(r => r.Key == changed).Version;

        clock.Advance(TimeSpan.FromMinutes(5));
        var status = rig.Sandbox.Dossiers.Advance(changed);
        var added = rig.Sandbox.Dossiers.Add();
        var second = await IGateTestRig.ReadAllAsync(connector, "dossiers", Checkpoints(first)[^1]);

        Assert.Equal(new[] { changed, added }.Order(StringComparer.Ordinal), Records(second).Select(r => r.Key).Order(StringComparer.Ordinal));
        var record = Records(second).Single(r => r.Key == changed);
        Assert.Equal("2", versionBefore);
        Assert.Equal("3", record.Version);
        Assert.Equal(status, JsonDocument.Parse(record.Payload).RootElement.GetProperty("trangThai").GetString());
    }

    [Fact]
    public async Task A_change_stamped_with_the_same_time_as_the_last_page_is_not_skipped()
    {
        // The clock does not move: a change made after the read would share the timestamp of the checkpoint, and with a
        // smaller maHoSo it would sort before the cursor. The sandbox closes a timestamp once it has been served.
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        var codes = rig.Sandbox.Dossiers.Generate(30, 0);
        var connector = rig.Connector(batchSize: 100);
        var first = await IGateTestRig.ReadAllAsync(connector, "dossiers");
        var smallest = codes.Order(StringComparer.Ordinal).First();

        rig.Sandbox.Dossiers.Advance(smallest);
        var second = await IGateTestRig.ReadAllAsync(connector, "dossiers", Checkpoints(first)[^1]);

        var record = Assert.Single(Records(second));
        Assert.Equal(smallest, record.Key);
        Assert.Equal("2", record.Version);
    }

    [Fact]
    public async Task Each_record_is_keyed_by_maHoSo_with_the_dossier_json_as_payload()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        var code = rig.Sandbox.Dossiers.Generate(1, 2)[0];

        var record = Assert.Single(Records(await IGateTestRig.ReadAllAsync(rig.Connector(), "dossiers")));

        Assert.Equal(code, record.Key);
        Assert.Equal(code, record.BusinessKey);
        Assert.Equal(rig.Sandbox.Dossiers.Progress(code).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Version);
        var dossier = JsonDocument.Parse(record.Payload).RootElement;
        Assert.Equal(record.Version, dossier.GetProperty("version").GetRawText());
        Assert.Equal(
            ["maHoSo", "maTTHC", "tenTTHC", "maLinhVuc", "tenLinhVuc", "chuHoSo", "loaiDoiTuong", "soDinhDanh", "ngaySinh", "email", "soDienThoai",
             "trichYeu", "ngayNop", "ngayTiepNhan", "ngayHenTra", "ngayTra", "trangThai", "donViXuLy", "tenDonViXuLy", "kenhThucHien",
             "hinhThucNhanKetQua", "diaChiNhanKetQua", "lePhi", "taiLieuNop", "version", "updatedAt"],
            dossier.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, dossier.GetProperty("loaiDoiTuong").ValueKind);
        Assert.Equal(JsonValueKind.Number, dossier.GetProperty("kenhThucHien").ValueKind);
        Assert.Equal(JsonValueKind.String, dossier.GetProperty("soDinhDanh").ValueKind);
        Assert.Equal("2026-11-28T00:00:00+07:00", dossier.GetProperty("updatedAt").GetString());
        Assert.Equal("2026-11-28T00:00:00+07:00", dossier.GetProperty("ngayNop").GetString());
        Assert.Contains("\"chuHoSo\"", record.Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", record.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_feed_yields_nothing_and_no_checkpoint()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());

        Assert.Empty(await IGateTestRig.ReadAllAsync(rig.Connector(), "dossiers"));
        Assert.Empty(await IGateTestRig.ReadAllAsync(rig.Connector(), "progress"));
    }

    [Fact]
    public async Task Reading_from_the_last_checkpoint_with_no_new_change_yields_nothing()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        rig.Sandbox.Dossiers.Generate(10, 1);
        var connector = rig.Connector();
        var first = await IGateTestRig.ReadAllAsync(connector, "dossiers");

        Assert.Empty(await IGateTestRig.ReadAllAsync(connector, "dossiers", Checkpoints(first)[^1]));
    }

    private static string Keyset(string payload)
    {
        var root = JsonDocument.Parse(payload).RootElement;
        var updatedAt = DateTimeOffset.Parse(root.GetProperty("updatedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return $"{updatedAt.UtcTicks:D20}|{root.GetProperty("maHoSo").GetString()}";
    }
}
