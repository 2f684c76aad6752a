using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The demo's payers: each new payment is settled <see cref="PaymentPlatformSandboxOptions.AutoPayAfter"/>
/// after INIT on the sandbox's clock, paid or failed by <see cref="PaymentPlatformSandboxOptions.AutoPayRatio"/>, its
/// callback lost by <see cref="PaymentPlatformSandboxOptions.LostCallbackRatio"/> (so the hub has to QUERY).</summary>
internal sealed class SandboxAutoPay(PaymentPlatformSandboxOptions options, SandboxSettler settler, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    private readonly Random _random = options.Seed == 0 ? new Random() : new Random(options.Seed);
    private readonly Lock _lock = new();
    private readonly List<ITimer> _timers = [];
    private readonly CancellationTokenSource _stopping = new();

    public void Schedule(string maThamChieu)
    {
        if (options.AutoPayAfter <= TimeSpan.Zero)
        {
            return;
        }

        lock (_lock)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _timers.Add(timeProvider.CreateTimer(_ => _ = SettleAsync(maThamChieu), null, options.AutoPayAfter, Timeout.InfiniteTimeSpan));
        }
    }

    public async ValueTask DisposeAsync()
    {
        ITimer[] timers;
        lock (_lock)
        {
            // Disposing twice is allowed (a test stops the sandbox, then its rig disposes it again).
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            await timer.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task SettleAsync(string maThamChieu)
    {
        bool paid;
        bool lost;
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested || !settler.IsPending(maThamChieu))
            {
                return;
            }

            paid = _random.NextDouble() < options.AutoPayRatio;
            lost = _random.NextDouble() < options.LostCallbackRatio;
        }

        try
        {
            var settlement = await settler.SettleAsync(maThamChieu, paid, sendCallback: !lost, _stopping.Token).ConfigureAwait(false);
            logger.LogInformation(
                "Sandbox auto-settled {MaThamChieu} as {Status}; callback {Callback}",
                maThamChieu, settlement.Payment.Status, lost ? "lost" : settlement.Delivery?.HttpStatus.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or OperationCanceledException or ObjectDisposedException)
        {
            // Settled by hand in the meantime, or the sandbox is stopping: nothing to do.
        }
    }
}
