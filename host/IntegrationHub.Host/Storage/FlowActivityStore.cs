using Npgsql;

namespace IntegrationHub.Host.Storage;

/// <summary>Reads the hourly activity the database keeps per flow as messages move (migration 0015): a few rows per flow
/// and hour, never the history itself. For the dashboard's charts and <c>GET /api/flows/activity</c>.</summary>
public sealed class FlowActivityStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <returns>One series per flow of <paramref name="flowIds"/>, in that order, each with a bucket for every hour of the window.</returns>
    public async Task<FlowActivity> ReadAsync(IReadOnlyList<string> flowIds, FlowActivityWindow window, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var currentHour = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var from = currentHour.AddHours(1 - window.Hours);

        await using var command = dataSource.CreateCommand(
            """
            select flow_id, hour, sum(received)::bigint, sum(delivered)::bigint, sum(failed_attempts)::bigint,
                   sum(dead_lettered)::bigint, sum(skipped)::bigint
            from hub.flow_activity
            where flow_id = any(@flows) and hour >= @from and hour <= @to
            group by flow_id, hour
            """);
        command.Parameters.AddWithValue("flows", flowIds.ToArray());
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", currentHour);
        var found = new Dictionary<(string, long), FlowActivityBucket>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var hour = reader.GetFieldValue<DateTimeOffset>(1);
                found[(reader.GetString(0), hour.UtcTicks)] = new FlowActivityBucket(
                    hour, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
            }
        }

        var hours = Enumerable.Range(0, window.Hours).Select(i => from.AddHours(i)).ToList();
        var series = flowIds
            .Select(flow => new FlowActivitySeries(flow, hours.Select(h => found.GetValueOrDefault((flow, h.UtcTicks)) ?? FlowActivityBucket.Empty(h)).ToList()))
            .ToList();
        return new FlowActivity(window.Name, from, currentHour.AddHours(1), series);
    }
}
