using IntegrationHub.Contracts;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Recurring task <c>payments:reconcile</c> (<c>Payments:ReconcileSchedule</c>): reconcile yesterday. A
/// statement the platform cannot give yet fails the run, and Hangfire retries it.</summary>
public sealed class ReconciliationTask(Reconciler reconciler, IOptions<PaymentsOptions> options, TimeProvider timeProvider) : IRecurringTask
{
    public const string Name = "payments:reconcile";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(PaymentDays.Yesterday(timeProvider, options.Value.TimeZone), "schedule", cancellationToken);
}
