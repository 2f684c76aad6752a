namespace IntegrationHub.Contracts;

/// <summary>Alerts for officials, offered to every module: kept by the hub (dashboard, <c>GET /api/alerts</c>), mailed
/// in its sweep and digest, and logged as warnings.</summary>
public interface IHubAlerts
{
    /// <summary>Raises an alert for an incident, named by <paramref name="reference"/>: raising it again adds nothing.</summary>
    /// <returns>False when this incident was already raised.</returns>
    Task<bool> RaiseAsync(string kind, string subject, string detail, string reference, CancellationToken cancellationToken);

    /// <summary>The latest alerts, newest first.</summary>
    Task<IReadOnlyList<HubAlert>> RecentAsync(int limit, CancellationToken cancellationToken);
}
