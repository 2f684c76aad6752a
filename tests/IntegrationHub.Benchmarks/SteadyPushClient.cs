using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Benchmarks;

/// <summary>Open-loop signed <c>danh-gia</c> pushes at a set rate (not one request after another: a slow answer does not
/// slow the inflow), each an evaluation of one of the given iGate dossiers with its own evaluation time, so iGate
/// records every one. Counts the answers; the rate can be changed between windows.</summary>
internal sealed class SteadyPushClient : IDisposable
{
    private const string Path = "/api/inbound/" + InboundLoadClient.Partner + "/" + InboundLoadClient.MessageType;
    private const int MaxInFlight = 256;
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(InboundLoadClient.Secret);
    private static readonly DateTime FirstEvaluation = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private readonly HttpClient _client;
    private readonly Uri _target;
    private readonly IReadOnlyList<string> _dossiers;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private long _sequence;
    private long _accepted;
    private long _refused;
    private long _errors;

    public SteadyPushClient(Uri hubUrl, IReadOnlyList<string> dossiers)
    {
        _target = new Uri(hubUrl, Path);
        _dossiers = dossiers;
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(60),
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    public long Sent => Interlocked.Read(ref _sequence);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>A push started, without waiting for its answer (at most <see cref="MaxInFlight"/> outstanding).</summary>
    public async Task SendOneAsync(CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken);
        var sequence = Interlocked.Increment(ref _sequence);
        _ = Task.Run(async () =>
        {
            try
            {
                using var request = Sign(sequence);
                using var response = await _client.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode == 202)
                {
                    Interlocked.Increment(ref _accepted);
                }
                else
                {
                    Interlocked.Increment(ref _refused);
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _errors);
            }
            finally
            {
                _inFlight.Release();
            }
        }, CancellationToken.None);
    }

    /// <summary>Waits until every push started has its answer.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxInFlight; i++)
        {
            await _inFlight.WaitAsync(cancellationToken);
        }

        _inFlight.Release(MaxInFlight);
    }

    public void Dispose()
    {
        _client.Dispose();
        _inFlight.Dispose();
    }

    private HttpRequestMessage Sign(long sequence)
    {
        var maHoSo = _dossiers[(int)(sequence % _dossiers.Count)];
        var at = FirstEvaluation.AddSeconds(sequence).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(
            $$$"""{"messageId":"lat-{{{_runId}}}-{{{sequence}}}","data":{"MaHoSo":"{{{maHoSo}}}","DiemDanhGia":4,"NoiDungDanhGia":"Cán bộ hướng dẫn tận tình","ThoiGianDanhGia":"{{{at}}}"}}""");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = $"n{_runId}{sequence:D12}";
        var canonical = Encoding.ASCII.GetBytes($"POST\n{Path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}");
        var request = new HttpRequestMessage(HttpMethod.Post, _target) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.TryAddWithoutValidation("X-Api-Key", InboundLoadClient.ApiKey);
        request.Headers.TryAddWithoutValidation("X-Timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("X-Nonce", nonce);
        request.Headers.TryAddWithoutValidation("X-Signature", Convert.ToBase64String(HMACSHA256.HashData(SecretBytes, canonical)));
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return request;
    }
}
