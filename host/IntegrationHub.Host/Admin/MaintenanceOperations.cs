using Hangfire;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Execution;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>One-off maintenance windows of a counterparty, added and ended by an operator with a reason (both are
/// operator actions). Ending a window early sends what waited for it and runs the flows it kept from reading.</summary>
public sealed class MaintenanceOperations(
    ConnectorCatalog connectors,
    FlowCatalog flows,
    Enrichment.MessageEnrichers enrichers,
    MaintenanceWindowStore store,
    ConnectorMaintenance maintenance,
    DeliveryDispatcher deliveries,
    FlowRunDispatcher runs,
    BackfillStore backfills,
    IBackgroundJobClient jobs,
    TimeProvider timeProvider,
    ILogger<MaintenanceOperations> logger)
{
    /// <summary>A longer window is most likely a typo in a date; a counterparty gone for longer is disabled in config.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(31);

    /// <summary>The 400 codes of <see cref="AddAsync"/> and <see cref="EndAsync"/>.</summary>
    public static readonly IReadOnlyList<string> RefusalCodes =
        [.. FlowPauseOperations.RefusalCodes, "window_end_required", "window_end_before_start", "window_in_past", "window_too_long"];

    public async Task<MaintenanceOutcome> AddAsync(string connectorId, MaintenanceWindowRequest request, string operatorName, CancellationToken cancellationToken)
    {
        if (!connectors.IsRegistered(connectorId))
        {
            return UnknownConnector(connectorId);
        }

        var now = timeProvider.GetUtcNow();
        var from = request.From ?? now;
        if (Refusal(request.Reason) is { } refusal)
        {
            return refusal;
        }

        if (request.To is not { } to)
        {
            return Refused("window_end_required", "'to' is required: when the counterparty can be called again (ISO 8601 with offset).");
        }

        if (to <= from)
        {
            return Refused("window_end_before_start", $"'to' ({to:O}) must be after 'from' ({from:O}).");
        }

        if (to <= now)
        {
            return Refused("window_in_past", $"'to' ({to:O}) is already past: the window would change nothing.");
        }

        if (to - from > MaxLength)
        {
            return Refused("window_too_long", $"A one-off window is at most {MaxLength.TotalDays:0} days; disable a counterparty gone for longer in its config.");
        }

        var window = await store.AddAsync(connectorId, from, to, request.Reason!.Trim(), operatorName, now, cancellationToken);
        maintenance.Forget();
        logger.LogInformation("Maintenance window {WindowId} of connector {Connector} from {From:O} to {To:O} added by {Operator}: {Reason}",
            window.Id, connectorId, window.From, window.To, operatorName, window.Reason);
        return new MaintenanceOutcome(window);
    }

    public async Task<MaintenanceOutcome> EndAsync(string connectorId, long windowId, string? reason, string operatorName, CancellationToken cancellationToken)
    {
        if (!connectors.IsRegistered(connectorId))
        {
            return UnknownConnector(connectorId);
        }

        if (Refusal(reason) is { } refusal)
        {
            return refusal;
        }

        if (await store.EndAsync(windowId, connectorId, operatorName, reason!.Trim(), timeProvider.GetUtcNow(), cancellationToken) is not { } ended)
        {
            return new MaintenanceOutcome(null, StatusCodes.Status404NotFound, "unknown_maintenance_window",
                $"Connector '{connectorId}' has no open one-off maintenance window {windowId} (it is over, was ended, or belongs to another connector).");
        }

        maintenance.Forget();
        logger.LogInformation("Maintenance window {WindowId} of connector {Connector} ended early by {Operator}: {Reason}", windowId, connectorId, operatorName, reason);
        if (await maintenance.CurrentAsync(connectorId, cancellationToken) is null)
        {
            await ResumeAsync(connectorId, cancellationToken);
        }

        return new MaintenanceOutcome(ended);
    }

    /// <summary>What waited for the counterparty goes now, not at the window's planned end.</summary>
    private async Task ResumeAsync(string connectorId, CancellationToken cancellationToken)
    {
        foreach (var flow in flows.Flows)
        {
            // Every destination of a flow whose enricher calls the counterparty waited for it too.
            var enricherCalls = enrichers.Find(flows.Options[flow.Id].Enricher)?.ConnectorIds.Contains(connectorId) == true;
            foreach (var destination in flow.Destinations.Where(d => enricherCalls || d.ConnectorId == connectorId))
            {
                deliveries.EnqueueResume(flow.Id, destination.ToString());
            }

            if (!FlowCatalog.IsInbound(flow) && flow.Source.ConnectorId == connectorId)
            {
                await runs.RequestRunAsync(flow.Id, ConnectorMaintenance.EndTrigger, cancellationToken);
                if (await backfills.ActiveAsync(flow.Id, cancellationToken) is { Status: BackfillStore.WaitingStatus } waiting)
                {
                    // Its job at the planned end then finds it done (or running) and does nothing.
                    var flowId = flow.Id;
                    jobs.Enqueue<BackfillJob>(job => job.RunAsync(flowId, waiting.Id, null, CancellationToken.None));
                }
            }
        }
    }

    private static MaintenanceOutcome? Refusal(string? reason) =>
        FlowPauseOperations.Refusal(reason) is { } refusal ? Refused(refusal.Code, refusal.Message) : null;

    private static MaintenanceOutcome Refused(string code, string detail) => new(null, StatusCodes.Status400BadRequest, code, detail);

    private static MaintenanceOutcome UnknownConnector(string connectorId) =>
        new(null, StatusCodes.Status404NotFound, "unknown_connector", $"No connector '{connectorId}' is registered.");
}
