using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationHub.Tests.Sla;

/// <summary>Messages of the <c>procedures</c> flow read and delivered at chosen instants, written through the hub's own
/// stores before (or while) a hub runs: one record each, delivered, or left dead (still open).</summary>
internal sealed class SlaSeed(NpgsqlDataSource db)
{
    public const string Flow = "procedures";
    public const string Destination = "igate:procedures";

    public static async Task<SlaSeed> MigrateAsync(NpgsqlDataSource db)
    {
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        return new SlaSeed(db);
    }

    /// <param name="deliveredAt">When it reached the destination; null: rejected, a dead letter still open.</param>
    public async Task ReadAsync(string businessKey, DateTimeOffset readAt, DateTimeOffset? deliveredAt)
    {
        readAt = readAt.ToUniversalTime();
        deliveredAt = deliveredAt?.ToUniversalTime();
        var deliveries = new DeliveryStore(db);
        await new MessageStore(db, Infrastructure.TestPersonalData.Payloads()).AppendAsync(Flow, 1, [new SourceRecord($"rec-{businessKey}", "{}", businessKey, "1")], [Destination], null, readAt, default);
        var claimed = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, readAt, default));
        var result = deliveredAt is null
            ? new DeliveryResult(claimed.MessageId, DeliveryStatus.Dead, 1, null, "REFUSED", "refused", "dead_lettered", 1)
            : new DeliveryResult(claimed.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1);
        await deliveries.RecordAsync(Flow, Destination, [result], holdBehindDeadLetter: false, deliveredAt ?? readAt, default);
    }

    /// <summary>A record read at <paramref name="readAt"/> as a newer message of <paramref name="heldBehind"/>'s record, which
    /// is a dead letter: it waits behind it (open), and a running hub cannot take it meanwhile.</summary>
    public Task ReadBehindDeadLetterAsync(string businessKey, string heldBehind, DateTimeOffset readAt) =>
        new MessageStore(db, Infrastructure.TestPersonalData.Payloads()).AppendAsync(Flow, 1, [new SourceRecord($"rec-{heldBehind}", "{}", businessKey, "2")], [Destination], null, readAt.ToUniversalTime(), default);

    /// <summary>Around the 30/4–1/5 holidays of 2026 (Thursday, Friday) and the weekend after, with 2 working hours:
    /// on 28/4 one on time; on 29/4 one on time only in working hours, one late, one open; on Saturday 2/5 one on time
    /// only in working hours; and one read on 27/4 (outside a range from 28/4).</summary>
    public async Task HolidayWeekAsync()
    {
        // Tue 28/4, 10:00 + 2 working hours = 13:30 (lunch 11:30–13:00 does not count): delivered 11:00, on time.
        await ReadAsync("HS-TUE", Local(2026, 4, 28, 10), Local(2026, 4, 28, 11));
        // Wed 29/4, 16:00: one hour that day, then 30/4, 1/5 (holidays) and the weekend: due Mon 4/5 at 08:30.
        // Wall-clock hours would make it due Wed 18:00 and this one late.
        await ReadAsync("HS-HOLIDAY-ONTIME", Local(2026, 4, 29, 16), Local(2026, 5, 4, 8));
        await ReadAsync("HS-HOLIDAY-LATE", Local(2026, 4, 29, 16), Local(2026, 5, 4, 9));
        // Wed 29/4, 10:00, rejected and never delivered: due 13:30 that day, still open long after.
        await ReadAsync("HS-OPEN", Local(2026, 4, 29, 10), null);
        // Read on Saturday 2/5 (a push): the clock starts Monday 07:30, due 09:30; delivered 09:00, on time.
        await ReadAsync("HS-SATURDAY", Local(2026, 5, 2, 10), Local(2026, 5, 4, 9));
        // Outside the range asked: counted nowhere.
        await ReadAsync("HS-BEFORE", Local(2026, 4, 27, 23), Local(2026, 6, 1, 9));
    }

    /// <summary>The <c>sla_breach</c> alerts of <c>GET /api/alerts</c>.</summary>
    public static async Task<List<JsonElement>> SlaAlertsAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("api/alerts"))!.Where(a => a.GetProperty("kind").GetString() == "sla_breach").ToList();

    /// <summary>Alert mails of kind <c>sla_breach</c> the sink received.</summary>
    public static int SlaMails(IntegrationHub.Tests.Infrastructure.SmtpSink sink) => sink.Messages.Count(m => m.TextBody?.Contains("Kind: sla_breach", StringComparison.Ordinal) == true);

    /// <summary>Hanoi local time (UTC+7, no daylight saving).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
