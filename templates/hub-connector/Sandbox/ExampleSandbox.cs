using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.Example.Sandbox;

/// <summary>An in-process Example that speaks its API: a change log its feed pages through, a batch endpoint that
/// applies each entry once per idempotency key (refusing a whole batch that holds an invalid entry), the API key on
/// <c>/api</c>; faults and <c>/sandbox/stats</c> come from the sandbox base.</summary>
public sealed class ExampleSandbox(ExampleSandboxOptions options) : SandboxBase<ExampleSandboxOptions>(ExampleConnector.Example.Id, options)
{
    private readonly Lock _lock = new();
    private readonly SandboxChangeLog<ExampleWire.Record> _records = new();
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);

    /// <summary>Example changes a record; returns its sequence number.</summary>
    public long Change(string id, string value)
    {
        lock (_lock)
        {
            var seq = _records.Count + 1L;
            _records.Append(seq, string.Empty, new ExampleWire.Record(seq, id, value));
            return seq;
        }
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void OnStarted(Uri address) =>
        Every(Options.ChangeEvery, () => Change($"R{Random.Shared.Next(1000):D3}", DateTimeOffset.UtcNow.ToString("O")));

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(new SandboxAuthFilter(
            HttpAuth.ApiKey(ExampleWire.ApiKeyHeader, Options.ApiKey),
            () => Results.Json(new ExampleWire.Error("DENIED", "Wrong or missing key."), JsonSerializerOptions.Web, statusCode: StatusCodes.Status401Unauthorized)));
        api.MapGet("/records", (long? after, int? limit) =>
        {
            lock (_lock)
            {
                var (items, hasMore) = _records.Read(after ?? 0, null, Math.Clamp(limit ?? 100, 1, 1000));
                return Results.Json(new ExampleWire.Page(items, hasMore), JsonSerializerOptions.Web);
            }
        });
        api.MapPost("/entries/batch", (ExampleWire.Batch batch) =>
        {
            if (batch.Items.Any(e => e.Value == ExampleWire.Invalid))
            {
                return Results.Json(new ExampleWire.Error("INVALID", "The batch holds an entry Example refuses."), JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
            }

            lock (_lock)
            {
                foreach (var entry in batch.Items)
                {
                    Writes.Write(ExampleConnector.EntriesStream, entry.IdempotencyKey, () =>
                    {
                        _entries[entry.IdempotencyKey] = entry.Value;
                        return SandboxWriteOutcome.Applied;
                    });
                }
            }

            return Results.Json(new ExampleWire.Answer([.. batch.Items.Select(e => e.IdempotencyKey)]), JsonSerializerOptions.Web);
        });
    }

    protected override JsonObject? OwnStats(IQueryCollection query)
    {
        lock (_lock)
        {
            return new JsonObject { ["records"] = _records.Count, ["entries"] = _entries.Count };
        }
    }
}
