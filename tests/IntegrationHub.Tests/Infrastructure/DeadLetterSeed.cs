using IntegrationHub.Contracts;
using IntegrationHub.Host;
using IntegrationHub.Host.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Dead letters made the way a source makes them: records it set aside (<see cref="SourceRecord.Problem"/>)
/// are stored by the hub as dead letters giving the source's reason.</summary>
public static class DeadLetterSeed
{
    /// <param name="records">Business key and the source's reason, one dead letter each.</param>
    public static async Task AddAsync(HubHost hub, string flowId, string destination, IEnumerable<(string BusinessKey, string Problem)> records)
    {
        long runId;
        await using (var command = hub.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "insert into hub.flow_runs (flow_id, trigger, status, started_at) values (@flow, 'test', 'succeeded', now()) returning id"))
        {
            command.Parameters.AddWithValue("flow", flowId);
            runId = (long)(await command.ExecuteScalarAsync())!;
        }

        var items = records.Select((r, i) => new SourceRecord($"{flowId}-{Guid.NewGuid():N}", $$"""{"n":{{i}}}""", r.BusinessKey) { Problem = r.Problem }).ToList();
        await hub.Services.GetRequiredService<MessageStore>().AppendAsync(flowId, runId, items, [destination], null, DateTimeOffset.UtcNow, CancellationToken.None);
    }
}
