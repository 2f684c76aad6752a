using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Tells the host when each day of the payment callbacks was reconciled with the platform's statement (the
/// nightly <see cref="ReconciliationTask"/> or an officer's run), for a <c>reconciled-by</c> SLA on the flow reading
/// <c>payment-platform:callbacks</c>. A run that found mismatches still completed: those are alerted on apart.</summary>
public sealed class PaymentReconciliations(ReconciliationStore store) : IReconciledSource
{
    public string ConnectorId => PaymentPlatformConnector.ConnectorId;

    public string Stream => PaymentPlatformConnector.CallbacksStream;

    public Task<IReadOnlyDictionary<DateOnly, DateTimeOffset>> ReconciledAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        store.FirstCompletedAsync(from, to, cancellationToken);

    public Task<DateOnly?> FirstReconciledDayAsync(CancellationToken cancellationToken) => store.FirstDayAsync(cancellationToken);
}
