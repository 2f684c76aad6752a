using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.PaymentPlatform;
using IntegrationHub.Host;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>iGate (where paid fees land) and the national payment platform, in this process on free ports.</summary>
public sealed class PaymentSandboxes : IAsyncDisposable
{
    private PaymentSandboxes(IGateSandbox igate, PaymentPlatformSandbox platform, PaymentPlatformSandboxOptions platformOptions)
    {
        IGate = igate;
        Platform = platform;
        PlatformOptions = platformOptions;
    }

    public IGateSandbox IGate { get; }

    public PaymentPlatformSandbox Platform { get; }

    /// <summary>Read by the sandbox at each callback: point <c>CallbackUrl</c> at the hub once it listens.</summary>
    public PaymentPlatformSandboxOptions PlatformOptions { get; }

    public static async Task<PaymentSandboxes> StartAsync()
    {
        var igate = new IGateSandbox(new IGateSandboxOptions { ApiKey = "igate-test-key", Seed = 5 });
        var options = new PaymentPlatformSandboxOptions { MaDoiTac = TestHub.PaymentPartnerCode, SecretKey = TestHub.PaymentSecret };
        var platform = new PaymentPlatformSandbox(options, TimeProvider.System);
        await igate.StartAsync(CancellationToken.None);
        await platform.StartAsync(CancellationToken.None);
        return new PaymentSandboxes(igate, platform, options);
    }

    public void ApplyTo(IDictionary<string, string?> settings)
    {
        settings.Wire(IGate, IGate.BaseAddress!);
        settings.Wire(Platform, Platform.BaseAddress!);
    }

    /// <summary>iGate answers 500 to every call (no 429 or held request: each failure is a server error), or stops failing.</summary>
    public void FailIGate(bool failing)
    {
        IGate.Faults.TooManyRequestsWeight = 0;
        IGate.Faults.TimeoutWeight = 0;
        IGate.Faults.FailureRate = failing ? 1.0 : 0;
    }

    public void CallBack(HubHost hub) => PlatformOptions.CallbackUrl = new Uri(hub.BaseAddress, "api/payments/callback").ToString();

    public async ValueTask DisposeAsync()
    {
        await IGate.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
