namespace IntegrationHub.Contracts;

/// <summary>Alerts for officials, offered to every module: kept by the hub (dashboard, <c>GET /api/alerts</c>), mailed
/// in its sweep and digest, and logged as warnings.</summary>
public interface IHubAlerts
{
    /// <summary>Raises an alert for an incident, named by <paramref name="reference"/>: raising it again adds nothing.</summary>
    /// <param name="page">Where an official deals with it: a path of the hub (e.g. <c>/hangfire/dead-letters?flow=x</c>),
    /// mailed as an absolute link under <c>Hub:PublicUrl</c>; null for the dashboard's start page.</param>
    /// <returns>False when this incident was already raised.</returns>
    Task<bool> RaiseAsync(string kind, string subject, string detail, string reference, string? page, CancellationToken cancellationToken);

    /// <summary>The latest alerts, newest first.</summary>
    Task<IReadOnlyList<HubAlert>> RecentAsync(int limit, CancellationToken cancellationToken);
}
