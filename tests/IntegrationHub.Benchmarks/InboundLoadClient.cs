using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Benchmarks;

/// <summary>The load generator: <c>connections</c> loops, each on its own keep-alive HTTP/1.1 connection, each sending
/// one signed 1 KB push at a time (fresh nonce, distinct message id, current timestamp) and waiting for the answer.
/// Latency is taken per request (send to response read); only requests answered inside the measured window count
/// toward its rate and percentiles. Runs in the benchmark process, so it shares the 2 cores with the hub.</summary>
internal sealed class InboundLoadClient
{
    public const string Partner = "dvcqg";
    public const string MessageType = "danh-gia";
    public const string ApiKey = "sandbox-only-dvcqg-key";
    public const string Secret = "sandbox-only-dvcqg-hmac-secret-0123456789";
    public const int BodyBytes = 1024;

    private const string Path = "/api/inbound/" + Partner + "/" + MessageType;
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Uri _target;
    private readonly int _connections;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    public InboundLoadClient(Uri hubUrl, int connections)
    {
        _target = new Uri(hubUrl, Path);
        _connections = connections;
    }

    /// <summary>Warms up, then measures for <paramref name="window"/>, then stops sending and waits for every answer.</summary>
    public async Task<InboundLoadResult> RunAsync(TimeSpan warmup, TimeSpan window, Func<Task> atWindowStart, Func<Task> atWindowEnd, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = _connections,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60), DefaultRequestVersion = HttpVersion.Version11 };
        var clock = Stopwatch.StartNew();
        var windowStart = (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(window.TotalSeconds * Stopwatch.Frequency);
        var startTicks = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, _connections).Select(i => new Worker(this, client, i, startTicks, windowStart, windowEnd)).ToList();
        var running = workers.Select(w => Task.Run(() => w.RunAsync(cancellationToken), cancellationToken)).ToList();

        await Task.Delay(warmup, cancellationToken);
        await atWindowStart();
        var measured = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        await atWindowEnd();
        var measuredFor = measured.Elapsed;
        await Task.WhenAll(running);

        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        var statuses = new SortedDictionary<int, long>();
        foreach (var (status, count) in workers.SelectMany(w => w.OtherStatuses))
        {
            statuses[status] = statuses.GetValueOrDefault(status) + count;
        }

        return new InboundLoadResult(
            _connections,
            measuredFor,
            workers.Sum(w => w.WindowAccepted),
            workers.Sum(w => w.WindowOther),
            workers.Sum(w => w.TotalAccepted),
            workers.Sum(w => w.TotalReplayed),
            workers.Sum(w => w.Total503),
            workers.Sum(w => w.TotalOther),
            workers.Sum(w => w.Exceptions),
            statuses,
            workers.SelectMany(w => w.Samples).Take(5).ToList(),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            Percentile(latencies, 0.999),
            latencies.Length > 0 ? latencies[^1] / 1000.0 : double.NaN,
            clock.Elapsed);
    }

    private static double Percentile(int[] sortedMicroseconds, double p) =>
        sortedMicroseconds.Length == 0 ? double.NaN : sortedMicroseconds[Math.Min(sortedMicroseconds.Length - 1, (int)Math.Ceiling(p * sortedMicroseconds.Length) - 1)] / 1000.0;

    /// <summary>One connection's loop. The body is a fixed 1,024-byte template with the message id's digits patched in
    /// place; the signature is computed per request (SHA-256 of the body, then HMAC), as a real partner would.</summary>
    private sealed class Worker
    {
        private const string MessageIdPrefix = "bench-";
        private readonly InboundLoadClient _owner;
        private readonly HttpClient _client;
        private readonly int _index;
        private readonly long _start;
        private readonly long _windowStart;
        private readonly long _windowEnd;
        private readonly byte[] _body;
        private readonly int _sequenceOffset;
        private readonly string _noncePrefix;
        private readonly byte[] _canonical = new byte[256];
        private readonly int _canonicalPrefixLength;
        private long _sequence;

        public Worker(InboundLoadClient owner, HttpClient client, int index, long start, long windowStart, long windowEnd)
        {
            _owner = owner;
            _client = client;
            _index = index;
            _start = start;
            _windowStart = windowStart;
            _windowEnd = windowEnd;
            _noncePrefix = $"n{owner._runId}{index:D3}";
            (_body, _sequenceOffset) = Template(owner._runId, index);
            _canonicalPrefixLength = Encoding.ASCII.GetBytes($"POST\n{Path}\n", _canonical);
        }

        public List<int> Latencies { get; } = new(1 << 16);

        public Dictionary<int, long> OtherStatuses { get; } = [];

        public List<string> Samples { get; } = [];

        public long WindowAccepted { get; private set; }

        public long WindowOther { get; private set; }

        public long TotalAccepted { get; private set; }

        public long TotalReplayed { get; private set; }

        public long Total503 { get; private set; }

        public long TotalOther { get; private set; }

        public long Exceptions { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() - _start < _windowEnd)
            {
                var sequence = _sequence++;
                using var request = Sign(sequence);
                var sent = Stopwatch.GetTimestamp();
                int status;
                bool replayed;
                try
                {
                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    status = (int)response.StatusCode;
                    replayed = response.Headers.Contains("Idempotent-Replayed");
                    if (status != 202 && Samples.Count < 2)
                    {
                        Samples.Add($"{status}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }
                catch (HttpRequestException e)
                {
                    Exceptions++;
                    if (Samples.Count < 2)
                    {
                        Samples.Add($"exception: {e.Message}");
                    }

                    continue;
                }

                var done = Stopwatch.GetTimestamp();
                var at = done - _start;
                var inWindow = at >= _windowStart && at <= _windowEnd;
                if (status == 202)
                {
                    TotalAccepted++;
                    TotalReplayed += replayed ? 1 : 0;
                    if (inWindow)
                    {
                        WindowAccepted++;
                        Latencies.Add((int)Math.Min(int.MaxValue, (done - sent) * 1_000_000 / Stopwatch.Frequency));
                    }
                }
                else
                {
                    Total503 += status == 503 ? 1 : 0;
                    TotalOther += status == 503 ? 0 : 1;
                    OtherStatuses[status] = OtherStatuses.GetValueOrDefault(status) + 1;
                    WindowOther += inWindow ? 1 : 0;
                }
            }
        }

        private HttpRequestMessage Sign(long sequence)
        {
            // Message id digits, in place: the body stays exactly 1,024 bytes.
            sequence.TryFormat(_body.AsSpan(_sequenceOffset, 10), out _, "D10", CultureInfo.InvariantCulture);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = _noncePrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

            // METHOD\nPATH\nTIMESTAMP\nNONCE\nhex(sha256(body))
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(_body, hash);
            var length = _canonicalPrefixLength;
            length += Encoding.ASCII.GetBytes(timestamp, _canonical.AsSpan(length));
            _canonical[length++] = (byte)'\n';
            length += Encoding.ASCII.GetBytes(nonce, _canonical.AsSpan(length));
            _canonical[length++] = (byte)'\n';
            length += Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash), _canonical.AsSpan(length));
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(SecretBytes, _canonical.AsSpan(0, length), mac);

            var request = new HttpRequestMessage(HttpMethod.Post, _owner._target) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
            request.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
            request.Headers.TryAddWithoutValidation("X-Timestamp", timestamp);
            request.Headers.TryAddWithoutValidation("X-Nonce", nonce);
            request.Headers.TryAddWithoutValidation("X-Signature", Convert.ToBase64String(mac));
            // The worker waits for each answer before the next request, so the one body buffer is never sent twice at once.
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = Json;
            request.Content = content;
            return request;
        }

        /// <summary>{"messageId":"bench-RUNID-WWW-SSSSSSSSSS","data":{...}} padded to exactly <see cref="BodyBytes"/> bytes.</summary>
        private static (byte[] Body, int SequenceOffset) Template(string runId, int index)
        {
            var id = $"{MessageIdPrefix}{runId}-{index:D3}-";
            const string Sequence = "0000000000";
            string Json(string padding) =>
                $$$"""{"messageId":"{{{id}}}{{{Sequence}}}","data":{"MaHoSo":"G22.{{{index:D3}}}-{{{runId}}}","DiemDanhGia":4,"NoiDungDanhGia":"{{{padding}}}","ThoiGianDanhGia":"2025-06-01T09:30:00+07:00"}}""";
            var bare = Encoding.UTF8.GetByteCount(Json(string.Empty));
            var text = Json(new string('x', BodyBytes - bare));
            var body = Encoding.UTF8.GetBytes(text);
            return body.Length == BodyBytes
                ? (body, text.IndexOf(id, StringComparison.Ordinal) + id.Length)
                : throw new BenchmarkException($"The body template is {body.Length} bytes, not {BodyBytes}.");
        }
    }
}

/// <summary>What the load client saw. Latencies in milliseconds, over the 202s answered inside the window.</summary>
internal sealed record InboundLoadResult(
    int Connections,
    TimeSpan Window,
    long WindowAccepted,
    long WindowOther,
    long TotalAccepted,
    long TotalReplayed,
    long Total503,
    long TotalOther,
    long Exceptions,
    IReadOnlyDictionary<int, long> OtherStatuses,
    IReadOnlyList<string> Samples,
    double P50Ms,
    double P99Ms,
    double P999Ms,
    double MaxMs,
    TimeSpan Elapsed,
    long InFlightAtStop = 0)
{
    public double MessagesPerSecond => WindowAccepted / Window.TotalSeconds;
}
