using IntegrationHub.Host.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Payments;

/// <summary>Hangfire job: reconcile a day (yesterday by default). A statement the platform cannot give yet fails the
/// job, and Hangfire retries it.</summary>
public sealed class ReconciliationJob(Reconciler reconciler, IOptions<PaymentsOptions> options, TimeProvider timeProvider)
{
    public async Task RunAsync(string? day, CancellationToken cancellationToken)
    {
        var date = day is null ? PaymentDays.Yesterday(timeProvider, options.Value.TimeZone) : DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await reconciler.ReconcileAsync(date, "schedule", cancellationToken);
    }
}
