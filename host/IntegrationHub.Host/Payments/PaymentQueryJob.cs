namespace IntegrationHub.Host.Payments;

/// <summary>Hangfire job: one QUERY pass over open payments.</summary>
public sealed class PaymentQueryJob(PaymentService payments)
{
    public async Task RunAsync(CancellationToken cancellationToken) => await payments.QueryOpenPaymentsAsync(cancellationToken);
}
