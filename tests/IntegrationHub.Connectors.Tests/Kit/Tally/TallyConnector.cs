using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.Kit.Tally;

/// <summary>A connector written only with the kit, as a new one would be: a keyset feed (<c>changes</c>) and a batch
/// destination (<c>entries</c>) with the one-by-one fallback, over the kit's HTTP client with an API key.</summary>
internal sealed class TallyConnector : ConnectorBase<TallyOptions>, ISourceConnector, IDestinationConnector
{
    public const string ChangesStream = "changes";
    public const string EntriesStream = "entries";

    public static readonly ConnectorIdentity Tally = new("tally", "Tally", "0.1.0", "TALLY");

    private readonly CounterpartyHttpClient _api;
    private readonly OneByOneWriter _writer;

    public TallyConnector(TallyOptions options, HttpClient httpClient, ILogger<TallyConnector> logger)
        : base(Tally, [
            new(ChangesStream, StreamDirection.Source, "Changes, by sequence.") { Key = ["id"], Cursor = "the Seq of the last change read" },
            new(EntriesStream, StreamDirection.Destination, "Entries, in batches.") { Key = ["idempotencyKey"] },
        ], options, logger)
    {
        _api = new CounterpartyHttpClient(httpClient, new CounterpartyEndpoint(options.BaseUrl, new HttpCounterparty(Tally.Name, HttpFailureCodes.Prefixed(Tally.CodePrefix)))
        {
            Auth = HttpAuth.ApiKey(TallyWire.ApiKeyHeader, options.ApiKey),
            ReadError = body => JsonSerializer.Deserialize<TallyWire.Error>(body, JsonSerializerOptions.Web) is { Code.Length: > 0 } error ? new CounterpartyError(error.Code, error.Message) : null,
        });
        _writer = new OneByOneWriter(Tally.Name, logger);
    }

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (stream != ChangesStream)
        {
            throw UnknownStream(stream, StreamDirection.Source);
        }

        ThrowIfInvalid();
        return new KeysetFeedReader<TallyWire.Change, SequenceCursor>(new Feed(_api, Options.PageSize), _api.Failures, Logger)
            .ReadAsync(SequenceCursor.From(checkpoint, Tally, stream), cancellationToken);
    }

    public async Task<IReadOnlyList<WriteOutcome>> WriteAsync(string stream, IReadOnlyList<OutboundMessage> batch, CancellationToken cancellationToken)
    {
        if (stream != EntriesStream)
        {
            throw UnknownStream(stream, StreamDirection.Destination);
        }

        ThrowIfInvalid();
        return await _writer.WithFallbackAsync(stream, batch, async messages =>
        {
            var answer = await _api.PostJsonAsync<TallyWire.Answer>(
                TallyWire.EntriesBatch, new TallyWire.Batch([.. messages.Select(m => new TallyWire.Entry(m.IdempotencyKey, m.Payload))]), cancellationToken);
            return [.. messages.Select(m => answer.Applied.Contains(m.IdempotencyKey)
                ? WriteOutcome.Success(m.MessageId)
                : WriteOutcome.Failed(m.MessageId, new ConnectorFailure(FailureKind.Transient, "TALLY-NO-RESULT", "no answer for the entry")))];
        });
    }

    protected override Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        _api.GetTextAsync(TallyWire.Changes, [new("limit", "1")], cancellationToken);

    private sealed class Feed(CounterpartyHttpClient api, int pageSize) : IKeysetFeed<TallyWire.Change, SequenceCursor>
    {
        public string Stream => ChangesStream;

        public async Task<KeysetPage<TallyWire.Change>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken)
        {
            var page = await api.GetJsonAsync<TallyWire.Page>(
                TallyWire.Changes, [new("after", (after?.Seq ?? 0).ToString(CultureInfo.InvariantCulture)), new("limit", pageSize.ToString(CultureInfo.InvariantCulture))], cancellationToken);
            return new KeysetPage<TallyWire.Change>(page.Items, page.HasMore);
        }

        public ValueTask<SourceRecord?> ToRecordAsync(TallyWire.Change item, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SourceRecord?>(new SourceRecord(item.Id, item.Value));

        public SequenceCursor CursorOf(TallyWire.Change item) => new(item.Seq);
    }
}
