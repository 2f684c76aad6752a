namespace IntegrationHub.Contracts;

/// <summary>Optional: a flow source whose data is reconciled day by day against the counterparty (e.g. the payment
/// platform's daily statement) and that can tell when each day's reconciliation completed. The host needs it only for a
/// flow's <c>reconciled-by</c> SLA. A module registers it as a service
/// (<c>hub.Services.AddSingleton&lt;IReconciledSource, T&gt;()</c>), not on the connector: connectors hold no SQL, and
/// what a module keeps of its reconciliations is its own.</summary>
public interface IReconciledSource
{
    /// <summary>The connector whose stream this reconciles (the <c>connector</c> of a flow's <c>Source</c>).</summary>
    string ConnectorId { get; }

    /// <summary>The stream (the <c>stream</c> of a flow's <c>Source</c>, <c>connector:stream</c>).</summary>
    string Stream { get; }

    /// <returns>For each local day (the hub's time zone) from <paramref name="from"/> to <paramref name="to"/>, both
    /// included, that has been reconciled: when its first reconciliation completed. A day not reconciled is absent.</returns>
    Task<IReadOnlyDictionary<DateOnly, DateTimeOffset>> ReconciledAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <returns>The first local day ever reconciled, or null when none was: days before it (and before the hub was
    /// installed) are not due, so a new hub's report does not count the months before it ran.</returns>
    Task<DateOnly?> FirstReconciledDayAsync(CancellationToken cancellationToken);
}
