using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Sla;

/// <summary>An SLA breach raises one alert per incident (kept, shown, logged and mailed like every alert) listing the late
/// business keys, however many records are late and however many sweeps see them; once nothing is late the incident is
/// over, and a record late after that is a new incident.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaBreachAlertTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Several_late_records_are_one_incident_listing_their_keys_and_a_later_breach_after_recovery_is_another()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        await using var db = NpgsqlDataSource.Create(connectionString);
        var seed = await SlaSeed.MigrateAsync(db);
        // Ten days ago: two working hours have long passed whatever the calendar.
        foreach (var key in new[] { "HS-LATE-1", "HS-LATE-2", "HS-LATE-3" })
        {
            await seed.ReadAsync(key, now.AddDays(-10), null);
        }

        await seed.ReadAsync("HS-DELIVERED", now.AddDays(-10), now.AddDays(-10).AddMinutes(5));
        // Just read, rejected: open but not yet late; it stays a dead letter, so the record read later below waits behind it.
        await seed.ReadAsync("HS-JUST-READ", now, null);

        await using var sink = SmtpSink.Start();
        var settings = TestHub.BaseSettings(connectionString);
        sink.ApplyTo(settings);
        settings[$"Flows:{SlaSeed.Flow}:Sla:Kind"] = "delivered-within";
        settings[$"Flows:{SlaSeed.Flow}:Sla:WorkingHours"] = "2";
        settings["Alerts:SweepInterval"] = "00:00:01";
        await using var hub = await TestHub.StartAsync(settings);
        using var admin = TestHub.AdminClient(hub);

        var first = Assert.Single(await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin), a => a.Count > 0, Patience, "the SLA alert"));
        var detail = first.GetProperty("detail").GetString()!;
        Assert.Contains("3 record(s) of flow procedures", detail, StringComparison.Ordinal);
        Assert.Contains("HS-LATE-1, HS-LATE-2, HS-LATE-3", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("HS-DELIVERED", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("HS-JUST-READ", detail, StringComparison.Ordinal);
        Assert.Equal("/hangfire/sla?flow=procedures", first.GetProperty("page").GetString());

        // Several more sweeps see the same late records: still one alert, one mail.
        var raisedAt = first.GetProperty("raisedAt").GetDateTimeOffset();
        await Eventually.ReturnsAsync(() => EpisodeSeenAtAsync(db), seen => seen > raisedAt + 3 * Sweep, Patience, "three more sweeps");
        Assert.Single(await SlaSeed.SlaAlertsAsync(admin));
        await Eventually.ReturnsAsync(() => Task.FromResult(SlaSeed.SlaMails(sink)), n => n == 1, Patience, "the SLA mail");

        // They are delivered: nothing is late, sweeps stop seeing the incident; a record late after that is a new one.
        await using (var command = db.CreateCommand("update hub.deliveries set status = 'delivered', updated_at = now() where status = 'dead' and record_key like 'rec-HS-LATE-%'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await Eventually.ReturnsAsync(() => SecondsSinceSeenAsync(db), s => s > 3 * Sweep.TotalSeconds, Patience, "sweeps finding nothing late");
        await seed.ReadBehindDeadLetterAsync("HS-LATE-4", "HS-JUST-READ", now.AddDays(-9));
        var alerts = await Eventually.ReturnsAsync(() => SlaSeed.SlaAlertsAsync(admin), a => a.Count == 2, Patience, "the second incident");
        var second = alerts.Single(a => a.GetProperty("id").GetInt64() != first.GetProperty("id").GetInt64()).GetProperty("detail").GetString()!;
        Assert.Contains("1 record(s) of flow procedures", second, StringComparison.Ordinal);
        Assert.Contains("HS-LATE-4", second, StringComparison.Ordinal);
        Assert.DoesNotContain("HS-LATE-1", second, StringComparison.Ordinal);
        Assert.DoesNotContain("HS-JUST-READ", second, StringComparison.Ordinal);
    }

    private static async Task<DateTimeOffset> EpisodeSeenAtAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select coalesce(max(seen_at), 'epoch'::timestamptz) from hub.alert_episodes where name = 'sla:procedures'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<DateTimeOffset>(0);
    }

    private static async Task<double> SecondsSinceSeenAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select extract(epoch from now() - seen_at)::float8 from hub.alert_episodes where name = 'sla:procedures'");
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
