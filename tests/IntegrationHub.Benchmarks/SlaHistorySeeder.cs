using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Benchmarks;

/// <summary>A year of messages of a few flows (the same number each, interleaved as a hub receives them) for the SLA
/// report, by binary COPY into the monthly partitions (ids as <see cref="HistorySeeder"/> gives them): read evenly over
/// the past 365 days, one delivery each, settled after a spread of delays from minutes to three days (so on time and late,
/// around nights, weekends and holidays), a few still open (dead) or discarded.</summary>
internal static class SlaHistorySeeder
{
    public static async Task SeedAsync(
        string connectionString, IReadOnlyList<(string Flow, string Destination)> flows, int messagesPerFlow, CancellationToken cancellationToken)
    {
        var messages = (long)messagesPerFlow * flows.Count;
        var start = DateTime.UtcNow.AddDays(-365);
        var tick = TimeSpan.FromDays(365).Ticks / messages;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await HistorySeeder.OpenMonthsAsync(connection, start, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "copy hub.messages (id, flow_id, record_key, business_key, version, payload, received_at) from stdin (format binary)", cancellationToken))
        {
            for (long n = 1; n <= messages; n++)
            {
                writer.StartRow();
                writer.Write(HistorySeeder.IdOf(n, start, tick), NpgsqlDbType.Bigint);
                writer.Write(flows[(int)(n % flows.Count)].Flow, NpgsqlDbType.Text);
                writer.Write($"sla-{n}", NpgsqlDbType.Text);
                writer.Write($"H56.01-SLA-{n:D9}", NpgsqlDbType.Text);
                writer.Write("1", NpgsqlDbType.Text);
                writer.Write("{}", NpgsqlDbType.Jsonb);
                writer.Write(start.AddTicks(n * tick), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "copy hub.deliveries (message_id, destination, flow_id, record_key, status, attempts, updated_at) from stdin (format binary)", cancellationToken))
        {
            for (long n = 1; n <= messages; n++)
            {
                // Multiplicative hashing: a scattered but fixed spread of outcomes and delays.
                var roll = (long)(((ulong)n * 2_654_435_761UL) % 10_000);
                writer.StartRow();
                writer.Write(HistorySeeder.IdOf(n, start, tick), NpgsqlDbType.Bigint);
                var (flow, destination) = flows[(int)(n % flows.Count)];
                writer.Write(destination, NpgsqlDbType.Text);
                writer.Write(flow, NpgsqlDbType.Text);
                writer.Write($"sla-{n}", NpgsqlDbType.Text);
                writer.Write(roll switch { < 9_800 => "delivered", < 9_900 => "dead", _ => "discarded" }, NpgsqlDbType.Text);
                writer.Write(1, NpgsqlDbType.Integer);
                writer.Write(start.AddTicks(n * tick).AddMinutes(roll * 37 % (72 * 60)), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var sequence = new NpgsqlCommand(
            "select setval('hub.messages_id_seq', greatest((select last_value from hub.messages_id_seq), (select max(id) from hub.messages)))", connection);
        await sequence.ExecuteNonQueryAsync(cancellationToken);
    }
}
