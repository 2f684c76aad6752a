using IntegrationHub.Host.Inbound;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>Governed replay and discard of parked inbox messages, shared by the admin API and the dashboard: a selection
/// (ids or all) and a reason are required, the operator is recorded, and a replay wakes the router at once.</summary>
public sealed class ParkedInboxOperations(ParkedInboxStore store, InboxRouterSignal router, TimeProvider timeProvider)
{
    /// <summary>Every code <see cref="Refusal"/> answers (400).</summary>
    public static readonly IReadOnlyList<string> RefusalCodes = ["selection_required", "reason_required"];

    /// <returns>Null when the request may go ahead, else a machine-readable code and a message.</returns>
    public static (string Code, string Message)? Refusal(IReadOnlyList<long>? ids, bool all, string? reason)
    {
        var some = ids is { Count: > 0 };
        if (some == all)
        {
            return ("selection_required", "Say which parked messages: 'ids' (their inbox ids) or 'all': true, not both.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ("reason_required", "A reason is required: it is recorded with the operator's name.");
        }

        return null;
    }

    public Task<(int Total, IReadOnlyList<ParkedInboxMessage> Items)> ListAsync(int limit, CancellationToken cancellationToken) =>
        store.FindAsync(limit, cancellationToken);

    public async Task<OperatorActionResult> ReplayAsync(IReadOnlyList<long>? ids, string operatorName, string reason, CancellationToken cancellationToken)
    {
        var result = await store.ReplayAsync(ids, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken);
        router.Notify();
        return result;
    }

    public Task<OperatorActionResult> DiscardAsync(IReadOnlyList<long>? ids, string operatorName, string reason, CancellationToken cancellationToken) =>
        store.DiscardAsync(ids, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken);
}
