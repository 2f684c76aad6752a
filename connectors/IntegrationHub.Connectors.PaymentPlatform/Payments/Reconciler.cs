using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>Daily reconciliation: fetch the platform's statement of a (local) day, match it with the hub's payments,
/// keep the result, and alert when anything does not match.</summary>
public sealed class Reconciler(
    PaymentStore payments,
    [FromKeyedServices(PaymentPlatformConnector.ConnectorId)] PaymentPlatformConnector platform,
    ReconciliationStore store,
    IHubAlerts alerts, TimeProvider timeProvider, ILogger<Reconciler> logger)
{
    public async Task<ReconciliationReport> ReconcileAsync(DateOnly day, string trigger, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var statement = await platform.GetStatementAsync(day, cancellationToken);
        var onDay = await payments.SettledOnAsync(day, cancellationToken);
        var referenced = await payments.FindManyAsync(statement.Select(l => l.MaThamChieu).ToList(), cancellationToken);
        var items = ReconciliationMatcher.Match(statement, onDay, referenced);
        var id = await store.SaveAsync(day, startedAt, timeProvider.GetUtcNow(), trigger, items, cancellationToken);
        var report = new ReconciliationReport(id, day, startedAt, trigger, items);
        logger.LogInformation("Reconciliation {Id} of {Day:yyyy-MM-dd}: {Matched} matched, {Mismatches} mismatches", id, day, report.Count(ReconciliationItem.Matched), report.Mismatches);
        if (report.Mismatches > 0)
        {
            // The same mismatches found again (a re-run) are the same incident: one alert.
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
                items.Where(i => i.IsMismatch).Select(i => $"{i.Kind}|{i.MaThamChieu}|{i.HubAmount}|{i.PlatformAmount}|{i.HubStatus}|{i.PlatformStatus}").Order(StringComparer.Ordinal)))))[..16];
            await alerts.RaiseAsync("reconciliation_mismatch",
                $"Đối soát thanh toán ngày {day:dd/MM/yyyy}: {report.Mismatches} chênh lệch",
                $"missing in hub {report.Count(ReconciliationItem.MissingInHub)}, missing at platform {report.Count(ReconciliationItem.MissingAtPlatform)}, " +
                $"amount {report.Count(ReconciliationItem.AmountMismatch)}, status {report.Count(ReconciliationItem.StatusMismatch)}; report /api/reconciliations/{id}/csv",
                $"reconciliation:{day:yyyy-MM-dd}:{fingerprint}", $"/hangfire/reconciliations?id={id}", cancellationToken);
        }

        return report;
    }
}
