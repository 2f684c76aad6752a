using IntegrationHub.Connectors.PaymentPlatform;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Connectors.Tests.PaymentPlatform;

/// <summary>A started payment platform sandbox on a free port, a plain HttpClient and connectors pointed at it, all on
/// one fake clock (09:30 on 28 November 2026 in Vietnam unless told otherwise).</summary>
internal sealed class PaymentTestRig : IAsyncDisposable
{
    public const string MaDoiTac = "HUB-H56";
    public const string SecretKey = "payment-test-secret";

    private readonly List<PaymentPlatformConnector> _connectors = [];

    private PaymentTestRig(PaymentPlatformSandboxOptions options, PaymentPlatformSandbox sandbox, Uri baseAddress, HttpClient http, FakeTimeProvider clock)
    {
        Options = options;
        Sandbox = sandbox;
        BaseAddress = baseAddress;
        Http = http;
        Clock = clock;
    }

    public PaymentPlatformSandboxOptions Options { get; }

    public PaymentPlatformSandbox Sandbox { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>02:30Z = 09:30 in Vietnam (+07:00).</summary>
    public static FakeTimeProvider MorningClock() => new(new DateTimeOffset(2026, 11, 28, 2, 30, 0, TimeSpan.Zero));

    public static async Task<PaymentTestRig> StartAsync(
        Action<PaymentPlatformSandboxOptions>? configure = null,
        TimeSpan? httpTimeout = null,
        FakeTimeProvider? clock = null)
    {
        var options = new PaymentPlatformSandboxOptions { MaDoiTac = MaDoiTac, SecretKey = SecretKey };
        configure?.Invoke(options);
        clock ??= MorningClock();
        var sandbox = new PaymentPlatformSandbox(options, clock);
        var baseAddress = await sandbox.StartAsync(CancellationToken.None);
        var http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) };
        return new PaymentTestRig(options, sandbox, baseAddress, http, clock);
    }

    public PaymentPlatformConnector Connector(string secretKey = SecretKey, string maDoiTac = MaDoiTac, string? baseUrl = null)
    {
        var connector = new PaymentPlatformConnector(
            new PaymentPlatformOptions { BaseUrl = baseUrl ?? BaseAddress.ToString(), MaDoiTac = maDoiTac, SecretKey = secretKey },
            Http,
            Clock,
            NullLogger<PaymentPlatformConnector>.Instance);
        _connectors.Add(connector);
        return connector;
    }

    /// <summary>INITs a payment through a connector and returns its reference.</summary>
    public async Task<string> CreatePaymentAsync(string maThamChieu, long soTien = 150_000)
    {
        await Connector().InitAsync(PaymentRequests.For(maThamChieu, soTien), CancellationToken.None);
        return maThamChieu;
    }

    public async ValueTask DisposeAsync()
    {
        _connectors.ForEach(c => c.Dispose());
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }
}
