using System.Globalization;
using System.Text.Json;
using IntegrationHub.Contracts;
using Xunit;

namespace IntegrationHub.Connectors.Tests.IGate;

/// <summary>Reading the progress feed: every entry once, in (recordedAt, id) order, each dossier's in stt order.</summary>
public sealed class IGateProgressReadTests
{
    [Fact]
    public async Task Entries_come_once_in_recordedAt_then_id_order_with_stt_rising_per_dossier()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        rig.Sandbox.Dossiers.Generate(150, 4);
        clock.Advance(TimeSpan.FromSeconds(3));
        rig.Sandbox.Dossiers.Generate(50, 12);
        rig.Sandbox.Dossiers.AdvanceSome(40);

        var items = await IGateTestRig.ReadAllAsync(rig.Connector(batchSize: 97), "progress");

        var records = items.OfType<SourceRecord>().ToList();
        var entries = records.Select(r => JsonDocument.Parse(r.Payload).RootElement).ToList();
        Assert.Equal(rig.Sandbox.Dossiers.Stats().ProgressEntries, records.Count);
        Assert.Equal(records.Count, entries.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
        var keyset = entries.Select(e => (DateTimeOffset.Parse(e.GetProperty("recordedAt").GetString()!, CultureInfo.InvariantCulture).UtcTicks, e.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(keyset.OrderBy(k => k.UtcTicks).ThenBy(k => k.Item2, StringComparer.Ordinal), keyset);
        foreach (var dossier in records.GroupBy(r => r.Key))
        {
            var stts = dossier.Select(r => int.Parse(r.Version!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(1, stts.Count), stts);
            Assert.All(dossier, r => Assert.Equal(dossier.Key, r.BusinessKey));
            Assert.Equal(rig.Sandbox.Dossiers.Progress(dossier.Key).Count, stts.Count);
        }

        Assert.Equal((records.Count + 96) / 97, items.OfType<SourceCheckpoint>().Count());
    }

    [Fact]
    public async Task An_entry_carries_the_progress_fields_and_its_checkpoint_names_its_id()
    {
        await using var rig = await IGateTestRig.StartAsync(timeProvider: IGateClock.Fixed());
        var code = rig.Sandbox.Dossiers.Generate(1, 1)[0];

        var items = await IGateTestRig.ReadAllAsync(rig.Connector(), "progress");

        var records = items.OfType<SourceRecord>().ToList();
        Assert.Equal(["1", "2"], records.Select(r => r.Version));
        var entry = JsonDocument.Parse(records[1].Payload).RootElement;
        Assert.Equal(
            ["id", "maHoSo", "stt", "nguoiXuLy", "chucDanh", "phongBanXuLy", "noiDungXuLy", "trangThai", "thoiDiemXuLy", "ngayBatDau",
             "ngayKetThucTheoQuyDinh", "recordedAt"],
            entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"{code}-002", entry.GetProperty("id").GetString());
        Assert.Equal(code, entry.GetProperty("maHoSo").GetString());
        Assert.Equal(2, entry.GetProperty("stt").GetInt32());
        Assert.Equal(
            $$"""{"since":"2026-11-28T00:00:00+07:00","afterId":"{{code}}-002"}""",
            Assert.Single(items.OfType<SourceCheckpoint>()).State);
    }

    [Fact]
    public async Task Resuming_progress_reads_only_the_entries_of_later_changes()
    {
        var clock = IGateClock.Fixed();
        await using var rig = await IGateTestRig.StartAsync(timeProvider: clock);
        var codes = rig.Sandbox.Dossiers.Generate(80, 2);
        var connector = rig.Connector(batchSize: 64);
        var first = await IGateTestRig.ReadAllAsync(connector, "progress");

        var status = rig.Sandbox.Dossiers.Advance(codes[7]);
        var second = await IGateTestRig.ReadAllAsync(connector, "progress", first.OfType<SourceCheckpoint>().Last());

        var record = Assert.Single(second.OfType<SourceRecord>());
        Assert.Equal(codes[7], record.Key);
        Assert.Equal("4", record.Version);
        Assert.Equal(status, JsonDocument.Parse(record.Payload).RootElement.GetProperty("trangThai").GetString());
    }
}
