using System.Diagnostics;
using Hangfire;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Maintenance;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Connectivity;

/// <summary>Runs the contract's <see cref="CheckScope.Connectivity"/> check of connectors, bounded by
/// <c>Hub:Connectivity:Timeout</c>, and records the outcome. A check never throws: a connector that throws or hangs
/// is a failed check, so one broken connector does not stop the others being checked.</summary>
public sealed class ConnectivityChecker(
    ConnectorCatalog connectors,
    ConnectivityCheckStore store,
    ConnectorMaintenance maintenance,
    IOptions<HubOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectivityChecker> logger)
{
    public const string ScheduleTrigger = "schedule";
    public const string OperatorTrigger = "operator";

    /// <summary>The periodic check of every connector (a Hangfire job: its outcome is in the store, not in retries).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in connectors.Registrations)
        {
            // A counterparty in maintenance is not called: an unanswered check would mark it failing for nothing.
            if (await maintenance.CurrentAsync(registration.Id, cancellationToken) is { } window)
            {
                logger.LogDebug("Connectivity check of {Connector} skipped: in maintenance until {Until:O} ({Reason})", registration.Id, window.To, window.Reason);
                continue;
            }

            await CheckAsync(registration.Id, ScheduleTrigger, null, cancellationToken);
        }
    }

    public async Task<ConnectivityCheck> CheckAsync(string connectorId, string trigger, string? checkedBy, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        CheckResult result;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.Value.Connectivity.Timeout);
            try
            {
                result = await connectors.Get(connectorId).CheckAsync(CheckScope.Connectivity, timeout.Token).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = CheckResult.Failed(new ConnectorFailure(FailureKind.Transient, "CHECK_TIMEOUT",
                    $"No answer within {options.Value.Connectivity.Timeout.TotalSeconds:0.#} s."));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A defect of the connector, not of the counterparty: shown, not thrown at the other checks.
                result = CheckResult.Failed(new ConnectorFailure(FailureKind.Permanent, "CHECK_ERROR", $"{e.GetType().Name}: {e.Message}"));
            }
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        var failureKind = result.Succeeded ? null : (result.Failure?.Kind ?? FailureKind.Config).ToString();
        var check = await store.RecordAsync(new ConnectivityCheck(
            connectorId,
            timeProvider.GetUtcNow(),
            result.Succeeded,
            failureKind,
            result.Succeeded ? null : result.Failure?.Code,
            [.. result.Problems.Select(p => PersonalDataMask.MaskText(p))],
            (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds),
            trigger,
            checkedBy,
            null,
            null), cancellationToken);

        if (!check.Succeeded && check.FailingSince == check.CheckedAt)
        {
            logger.LogWarning("Connector {Connector} is not reachable ({Kind} {Code}): {Problem}", connectorId, check.FailureKind, check.FailureCode, check.Problems.FirstOrDefault());
        }
        else if (check.Succeeded && check.LastSuccessAt == check.CheckedAt)
        {
            logger.LogDebug("Connector {Connector} answered its connectivity check in {Ms} ms", connectorId, check.DurationMs);
        }

        return check;
    }
}
