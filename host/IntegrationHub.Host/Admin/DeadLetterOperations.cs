using IntegrationHub.Host.Delivery;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>Governed replay and discard, shared by the admin API and the dashboard: a selection is required, a reason
/// is required (except for a dry run), the operator is recorded, and deliveries restart at once.</summary>
public sealed class DeadLetterOperations(DeadLetterStore store, DeliveryDispatcher dispatcher, TimeProvider timeProvider)
{
    /// <summary>Every code <see cref="Refusal"/> answers (400).</summary>
    public static readonly IReadOnlyList<string> RefusalCodes = ["selection_required", "invalid_range", "reason_required"];

    /// <returns>Null when the request may go ahead, else a machine-readable code and a message.</returns>
    public static (string Code, string Message)? Refusal(DeadLetterSelection selection, string? reason, bool dryRun)
    {
        if (selection.IsEmpty)
        {
            return ("selection_required", "Say which dead letters: a flow, error code, date range, business key, destination or message ids.");
        }

        if (selection.From is { } from && selection.To is { } to && from >= to)
        {
            return ("invalid_range", "'from' must be before 'to'.");
        }

        if (!dryRun && string.IsNullOrWhiteSpace(reason))
        {
            return ("reason_required", "A reason is required: it is recorded with the operator's name on every affected message.");
        }

        return null;
    }

    public Task<(int Total, IReadOnlyList<DeadLetter> Items)> PreviewAsync(DeadLetterSelection selection, int limit, CancellationToken cancellationToken) =>
        store.FindAsync(selection, limit, cancellationToken);

    public async Task<OperatorActionResult> ReplayAsync(DeadLetterSelection selection, string operatorName, string reason, CancellationToken cancellationToken) =>
        Restart(await store.ReplayAsync(selection, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken));

    public async Task<OperatorActionResult> DiscardAsync(DeadLetterSelection selection, string operatorName, string reason, CancellationToken cancellationToken) =>
        Restart(await store.DiscardAsync(selection, operatorName, reason.Trim(), timeProvider.GetUtcNow(), cancellationToken));

    private OperatorActionResult Restart(OperatorActionResult result)
    {
        foreach (var (flowId, destination) in result.Affected)
        {
            dispatcher.Enqueue(flowId, destination);
        }

        return result;
    }
}
