using System.Globalization;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Sla;

/// <summary>Run by every alert sweep (<c>Alerts:SweepInterval</c>): raises one alert per SLA breach incident, through
/// <see cref="AlertStore"/> like every other alert, so the dashboard, the log and the official's e-mail carry it.
/// <c>delivered-within</c>: an incident lasts while some record is past its deadline and still not at every destination;
/// it is named by when that began (<see cref="AlertStore.EpisodeBeganAsync"/>), so the records late meanwhile raise no
/// second alert but bring its list of late keys up to date (<see cref="AlertStore.UpdateDetailAsync"/>), and it ends when
/// a sweep finds none late. <c>run-by</c>: one incident per working day whose deadline passed without a successful run.
/// <c>reconciled-by</c>: one incident per working day whose deadline passed with days it covers not reconciled. A flow
/// with several SLAs has each checked; their references name the SLA (<see cref="FlowSla.AlertKey"/>). One SLA's
/// failure is logged and never stops the others' checks.</summary>
public sealed class SlaBreachCheck(FlowSlas slas, SlaEvaluator evaluator, AlertStore alerts, IOptions<AlertOptions> alertOptions, ILogger<SlaBreachCheck> logger)
{
    /// <summary>Keys listed in one alert; the rest are counted (the SLA page lists them all).</summary>
    public const int KeysListed = 50;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var sla in slas.All.OrderBy(s => s.FlowId, StringComparer.Ordinal))
        {
            try
            {
                switch (sla.Kind)
                {
                    case FlowSla.RunBy:
                        await CheckRunAsync(sla, cancellationToken);
                        break;
                    case FlowSla.ReconciledBy:
                        await CheckReconciledAsync(sla, cancellationToken);
                        break;
                    default:
                        await CheckDeliveriesAsync(sla, cancellationToken);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "SLA check of flow {Flow} ({Kind} {Target}) failed; the next sweep tries again", sla.FlowId, sla.Kind, sla.Target);
            }
        }
    }

    private async Task CheckDeliveriesAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        var late = await evaluator.LateOpenKeysAsync(sla, cancellationToken);
        if (late.Count == 0)
        {
            return;
        }

        // Seen again within two sweeps: the same incident.
        var began = await alerts.EpisodeBeganAsync($"sla:{sla.AlertKey}", 2 * alertOptions.Value.SweepInterval, cancellationToken);
        var listed = string.Join(", ", late.Take(KeysListed));
        var more = late.Count > KeysListed ? $" and {(late.Count - KeysListed).ToString(CultureInfo.InvariantCulture)} more" : "";
        var reference = $"sla:{sla.AlertKey}:{began.UtcTicks.ToString(CultureInfo.InvariantCulture)}";
        var detail = $"{late.Count.ToString(CultureInfo.InvariantCulture)} record(s) of flow {sla.FlowId} passed their deadline ({SlaEvaluator.Describe(sla)}, calendar {sla.Calendar}) and have not reached every destination: {listed}{more}.";
        if (!await alerts.RaiseAsync("sla_breach", $"Luồng {sla.FlowId} trễ hạn SLA (SLA breached)", detail, reference,
                $"/hangfire/sla?flow={Uri.EscapeDataString(sla.FlowId)}", cancellationToken))
        {
            // The same incident: its alert shows the records late now.
            await alerts.UpdateDetailAsync("sla_breach", reference, detail, cancellationToken);
        }
    }

    private async Task CheckRunAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        if (await evaluator.MissedRunDeadlineAsync(sla, cancellationToken) is not { } deadline)
        {
            return;
        }

        await alerts.RaiseAsync("sla_breach",
            $"Luồng {sla.FlowId} chưa chạy thành công đúng hạn (SLA breached)",
            $"Flow {sla.FlowId} has no successful run today by {sla.At:HH\\:mm} ({SlaEvaluator.Describe(sla)}, calendar {sla.Calendar}); see its runs on the dashboard.",
            $"sla:{sla.AlertKey}:run-by:{deadline:yyyy-MM-dd}", $"/hangfire/flows/{Uri.EscapeDataString(sla.FlowId)}", cancellationToken);
    }

    private async Task CheckReconciledAsync(FlowSla sla, CancellationToken cancellationToken)
    {
        if (await evaluator.MissedReconcileDeadlineAsync(sla, cancellationToken) is not { } missed)
        {
            return;
        }

        var days = string.Join(", ", missed.Missed.Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        await alerts.RaiseAsync("sla_breach",
            $"Luồng {sla.FlowId} chưa đối soát xong đúng hạn (SLA breached)",
            $"Flow {sla.FlowId}: {missed.Missed.Count.ToString(CultureInfo.InvariantCulture)} day(s) not reconciled by {sla.At:HH\\:mm} today ({SlaEvaluator.Describe(sla)}, calendar {sla.Calendar}): {days}.",
            $"sla:{sla.AlertKey}:reconciled-by:{missed.Deadline:yyyy-MM-dd}", $"/hangfire/sla?flow={Uri.EscapeDataString(sla.FlowId)}", cancellationToken);
    }
}
