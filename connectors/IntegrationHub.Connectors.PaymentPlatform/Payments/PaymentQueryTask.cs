using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Recurring task <c>payments:query</c> (<c>Payments:QuerySchedule</c>): one QUERY pass over open payments.</summary>
public sealed class PaymentQueryTask(PaymentService payments) : IRecurringTask
{
    public const string Name = "payments:query";

    public async Task RunAsync(CancellationToken cancellationToken) => await payments.QueryOpenPaymentsAsync(cancellationToken);
}
