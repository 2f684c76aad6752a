using Npgsql;
using NpgsqlTypes;

namespace IntegrationHub.Benchmarks;

/// <summary>Writes a year of history straight into the hub's database with binary COPY: messages spread evenly over the
/// flows and the past 365 days, one delivery per destination, almost all settled (delivered 97 %, skipped 1.5 %, dead
/// 0.5 %, discarded 0.5 %) and the rest open but not due before 2099 (failing, pending, waiting), so the idle hub has
/// nothing to deliver. COPY fires the same triggers as the hub's own writes, so the counters follow the rows. Each message
/// takes an id in the monthly partition of its receipt (migration 0019: the month is the id's high bits), so the history is
/// spread over the year's monthly partitions as a running hub's is.</summary>
internal static class HistorySeeder
{
    /// <summary>Index of each count in the per-flow arrays: as <c>GET /api/flows</c> names them.</summary>
    public static readonly string[] CountNames = ["received", "delivered", "skipped", "failed", "deadLettered", "pending", "waiting"];

    private static readonly DateTime NotBefore = new(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <returns>Per flow, the counts the hub must report (see <see cref="CountNames"/>).</returns>
    public static async Task<IReadOnlyDictionary<string, long[]>> SeedAsync(
        string connectionString, ConfiguredFlows flows, int messages, int chunk, Action<long> progress, CancellationToken cancellationToken)
    {
        var expected = flows.Flows.ToDictionary(f => f.Id, _ => new long[CountNames.Length]);
        var start = DateTime.UtcNow.AddDays(-365);
        var tick = TimeSpan.FromDays(365).Ticks / messages;
        // A chunk's COPY (its rows' foreign-key checks included) may take longer than a command's default 30 s on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await OpenMonthsAsync(connection, start, cancellationToken);
        for (long first = 1; first <= messages; first += chunk)
        {
            var last = Math.Min(messages, first + chunk - 1);
            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy hub.messages (id, flow_id, record_key, business_key, version, payload, received_at) from stdin (format binary)", cancellationToken))
            {
                for (var id = first; id <= last; id++)
                {
                    var key = Key(id);
                    writer.StartRow();
                    writer.Write(IdOf(id, start, tick), NpgsqlDbType.Bigint);
                    writer.Write(FlowOf(flows, id).Id, NpgsqlDbType.Text);
                    writer.Write(key, NpgsqlDbType.Text);
                    writer.Write(key, NpgsqlDbType.Text);
                    writer.Write("1", NpgsqlDbType.Text);
                    writer.Write($"{{\"MaHoSo\":\"{key}\",\"TrangThai\":\"{id % 7}\"}}", NpgsqlDbType.Jsonb);
                    writer.Write(start.AddTicks(id * tick), NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync(cancellationToken);
            }

            await using (var writer = await connection.BeginBinaryImportAsync(
                "copy hub.deliveries (message_id, destination, flow_id, record_key, status, attempts, next_attempt_at, last_error_code, last_error, updated_at) from stdin (format binary)",
                cancellationToken))
            {
                for (var id = first; id <= last; id++)
                {
                    var flow = FlowOf(flows, id);
                    var counts = expected[flow.Id];
                    counts[0]++;
                    foreach (var destination in flow.Destinations)
                    {
                        var (status, attempts, due) = StateOf(id, destination, counts);
                        writer.StartRow();
                        writer.Write(IdOf(id, start, tick), NpgsqlDbType.Bigint);
                        writer.Write(destination, NpgsqlDbType.Text);
                        writer.Write(flow.Id, NpgsqlDbType.Text);
                        writer.Write(Key(id), NpgsqlDbType.Text);
                        writer.Write(status, NpgsqlDbType.Text);
                        writer.Write(attempts, NpgsqlDbType.Integer);
                        if (due is { } notBefore)
                        {
                            writer.Write(notBefore, NpgsqlDbType.TimestampTz);
                        }
                        else
                        {
                            writer.WriteNull();
                        }

                        TextOrNull(writer, status == "dead" ? "REFUSED" : null);
                        TextOrNull(writer, status == "dead" ? "the counterparty refused the message" : null);
                        writer.Write(start.AddTicks(id * tick).AddMinutes(1), NpgsqlDbType.TimestampTz);
                    }
                }

                await writer.CompleteAsync(cancellationToken);
            }

            progress(last);
        }

        // New messages come after the seeded ones of this month.
        await using var sequence = new NpgsqlCommand(
            "select setval('hub.messages_id_seq', greatest((select last_value from hub.messages_id_seq), (select max(id) from hub.messages)))", connection);
        await sequence.ExecuteNonQueryAsync(cancellationToken);
        return expected;
    }

    /// <summary>The partitions of the past year's months, with the span each was current for, as the hub's monthly job
    /// would have left them.</summary>
    internal static async Task OpenMonthsAsync(NpgsqlConnection connection, DateTime start, CancellationToken cancellationToken)
    {
        var current = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < current; month = month.AddMonths(1))
        {
            await using var open = new NpgsqlCommand(
                """
                select hub.ensure_history_partition(@month);
                update hub.history_partitions set opened_at = @month, closed_at = @next where name = to_char(@month at time zone 'UTC', '"p"YYYY_MM');
                """, connection);
            open.Parameters.AddWithValue("month", month);
            open.Parameters.AddWithValue("next", month.AddMonths(1));
            await open.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The n-th seeded message's id: in its receipt month's range (hub.history_month_base), above the ids the hub
    /// has issued in it so far.</summary>
    internal static long IdOf(long n, DateTime start, long tick)
    {
        var at = start.AddTicks(n * tick);
        return ((((long)at.Year - 2000) * 12 + at.Month) << 40) + (1L << 32) + n;
    }

    private static (string Id, IReadOnlyList<string> Destinations, bool Scheduled) FlowOf(ConfiguredFlows flows, long id) => flows.Flows[(int)(id % flows.Flows.Count)];

    private static string Key(long id) => $"H56.01-{id:D9}";

    /// <summary>A fixed spread by a hash of the delivery; counts it into <paramref name="counts"/>.</summary>
    private static (string Status, int Attempts, DateTime? Due) StateOf(long id, string destination, long[] counts)
    {
        // Multiplicative hashing: every 10,000 consecutive ids take each roll once, in a scattered order.
        var roll = (int)((((ulong)id * 2_654_435_761UL) + ((ulong)destination.Length * 40_503UL)) % 10_000);
        (string Status, int Attempts, DateTime? Due, int[] Counted) state = roll switch
        {
            < 9_700 => ("delivered", 1, null, [1]),
            < 9_850 => ("skipped", 1, null, [2]),
            < 9_900 => ("dead", 3, null, [4]),
            < 9_950 => ("discarded", 3, null, []),
            < 9_975 => ("pending", 2, NotBefore, [3, 5]),
            < 9_990 => ("pending", 0, NotBefore, [5]),
            _ => ("waiting", 0, null, [5, 6]),
        };
        foreach (var index in state.Counted)
        {
            counts[index]++;
        }

        return (state.Status, state.Attempts, state.Due);
    }

    private static void TextOrNull(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }
}
