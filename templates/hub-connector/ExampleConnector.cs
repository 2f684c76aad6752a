using System.Globalization;
using System.Text.Json;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Example;

/// <summary>The Example counterparty: a keyset feed read as the source <c>records</c> and a batch API written as the
/// destination <c>entries</c>. The kit does the rest: spec and options check (<see cref="ConnectorBase{TOptions}"/>),
/// HTTP with the API key and failure classification (<see cref="CounterpartyHttpClient"/>), paging with checkpoints
/// (<see cref="KeysetFeedReader{TItem, TCursor}"/>) and the one-by-one fallback (<see cref="OneByOneWriter"/>).</summary>
public sealed class ExampleConnector : ConnectorBase<ExampleOptions>, ISourceConnector, IDestinationConnector
{
    public const string RecordsStream = "records";
    public const string EntriesStream = "entries";

    public static readonly ConnectorIdentity Example = new("example", "Example", "1.0.0", "EXAMPLE");

    private readonly CounterpartyHttpClient _api;
    private readonly OneByOneWriter _writer;

    public ExampleConnector(ExampleOptions options, HttpClient httpClient, ILogger<ExampleConnector> logger)
        : base(Example, Streams, options, logger)
    {
        _api = new CounterpartyHttpClient(httpClient, new CounterpartyEndpoint(options.BaseUrl, new HttpCounterparty(Example.Name, HttpFailureCodes.Prefixed(Example.CodePrefix)))
        {
            Auth = HttpAuth.ApiKey(ExampleWire.ApiKeyHeader, options.ApiKey),
            ReadError = body => JsonSerializer.Deserialize<ExampleWire.Error>(body, JsonSerializerOptions.Web) is { Code.Length: > 0 } error ? new CounterpartyError(error.Code, error.Message) : null,
        });
        _writer = new OneByOneWriter(Example.Name, logger);
    }

    private static StreamSpec[] Streams =>
    [
        new(RecordsStream, StreamDirection.Source, "Records of Example, in the order it changed them.") { Key = ["id"], Cursor = "the Seq of the last record read" },
        new(EntriesStream, StreamDirection.Destination, "Entries written to Example, once per idempotency key.") { Key = ["idempotencyKey"] },
    ];

    public IAsyncEnumerable<SourceItem> ReadAsync(string stream, SourceCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        if (stream != RecordsStream)
        {
            throw UnknownStream(stream, StreamDirection.Source);
        }

        ThrowIfInvalid();
        return new KeysetFeedReader<ExampleWire.Record, SequenceCursor>(new Feed(_api, Options.PageSize), _api.Failures, Logger)
            .ReadAsync(SequenceCursor.From(checkpoint, Example, stream), cancellationToken);
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
            var answer = await _api.PostJsonAsync<ExampleWire.Answer>(
                ExampleWire.EntriesBatch, new ExampleWire.Batch([.. messages.Select(m => new ExampleWire.Entry(m.IdempotencyKey, m.Payload))]), cancellationToken);
            return [.. messages.Select(m => answer.Applied.Contains(m.IdempotencyKey)
                ? WriteOutcome.Success(m.MessageId)
                : WriteOutcome.Failed(m.MessageId, new ConnectorFailure(FailureKind.Transient, "EXAMPLE-NO-RESULT", "Example did not answer for this entry.")))];
        });
    }

    protected override Task CheckConnectivityAsync(CancellationToken cancellationToken) =>
        _api.GetTextAsync(ExampleWire.Records, [new("limit", "1")], cancellationToken);

    private sealed class Feed(CounterpartyHttpClient api, int pageSize) : IKeysetFeed<ExampleWire.Record, SequenceCursor>
    {
        public string Stream => RecordsStream;

        public async Task<KeysetPage<ExampleWire.Record>> FetchAsync(SequenceCursor? after, CancellationToken cancellationToken)
        {
            var page = await api.GetJsonAsync<ExampleWire.Page>(
                ExampleWire.Records, [new("after", (after?.Seq ?? 0).ToString(CultureInfo.InvariantCulture)), new("limit", pageSize.ToString(CultureInfo.InvariantCulture))], cancellationToken);
            return new KeysetPage<ExampleWire.Record>(page.Items, page.HasMore);
        }

        public ValueTask<SourceRecord?> ToRecordAsync(ExampleWire.Record item, CancellationToken cancellationToken) =>
            ValueTask.FromResult<SourceRecord?>(new SourceRecord(item.Id, JsonSerializer.Serialize(new { id = item.Id, value = item.Value }, JsonSerializerOptions.Web)));

        public SequenceCursor CursorOf(ExampleWire.Record item) => new(item.Seq);
    }
}
