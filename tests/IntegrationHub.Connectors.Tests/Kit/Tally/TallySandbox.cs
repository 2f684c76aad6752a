using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.Tests.Kit.Tally;

/// <summary>Tally's sandbox, written only with the sandbox base: a change log its feed endpoint pages through, a batch
/// endpoint that applies each entry once per idempotency key (and refuses a whole batch holding a poison entry), an
/// API key on <c>/api</c>.</summary>
internal sealed class TallySandbox(TallySandboxOptions options) : SandboxBase<TallySandboxOptions>("tally", options)
{
    private readonly Lock _lock = new();
    private readonly SandboxChangeLog<TallyWire.Change> _changes = new();
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);

    /// <summary>Tally records a change; returns its sequence number.</summary>
    public long Change(string id, string value)
    {
        lock (_lock)
        {
            var seq = _changes.Count + 1L;
            _changes.Append(seq, string.Empty, new TallyWire.Change(seq, id, value));
            return seq;
        }
    }

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(new SandboxAuthFilter(
            HttpAuth.ApiKey(TallyWire.ApiKeyHeader, Options.ApiKey),
            () => Results.Json(new TallyWire.Error("DENIED", "Wrong or missing key."), JsonSerializerOptions.Web, statusCode: StatusCodes.Status401Unauthorized)));
        api.MapGet("/changes", (long? after, int? limit) =>
        {
            lock (_lock)
            {
                var (items, hasMore) = _changes.Read(after ?? 0, null, limit ?? 10);
                return Results.Json(new TallyWire.Page(items, hasMore), JsonSerializerOptions.Web);
            }
        });
        api.MapPost("/entries/batch", (TallyWire.Batch batch) =>
        {
            if (batch.Items.Any(e => e.Value == TallyWire.Poison))
            {
                return Results.Json(new TallyWire.Error("POISON", "The batch holds an entry Tally cannot take."), JsonSerializerOptions.Web, statusCode: StatusCodes.Status400BadRequest);
            }

            lock (_lock)
            {
                foreach (var entry in batch.Items)
                {
                    Writes.Write(TallyConnector.EntriesStream, entry.IdempotencyKey, () =>
                    {
                        _entries[entry.IdempotencyKey] = entry.Value;
                        return SandboxWriteOutcome.Applied;
                    });
                }
            }

            return Results.Json(new TallyWire.Answer([.. batch.Items.Select(e => e.IdempotencyKey)]), JsonSerializerOptions.Web);
        });
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override JsonObject? OwnStats(IQueryCollection query)
    {
        lock (_lock)
        {
            return new JsonObject { ["entries"] = _entries.Count, ["changes"] = _changes.Count };
        }
    }
}
