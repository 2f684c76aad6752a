using IntegrationHub.Contracts;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

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
        await new MessageStore(db).AppendAsync(Flow, 1, [new SourceRecord($"rec-{businessKey}", "{}", businessKey, "1")], [Destination], null, readAt, default);
        var claimed = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, readAt, default));
        var result = deliveredAt is null
            ? new DeliveryResult(claimed.MessageId, DeliveryStatus.Dead, 1, null, "REFUSED", "refused", "dead_lettered", 1)
            : new DeliveryResult(claimed.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 1);
        await deliveries.RecordAsync(Flow, Destination, [result], holdBehindDeadLetter: false, deliveredAt ?? readAt, default);
    }

    /// <summary>Hanoi local time (UTC+7, no daylight saving).</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
