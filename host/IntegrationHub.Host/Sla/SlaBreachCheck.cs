using System.Globalization;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Observability;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Sla;

/// <summary>Run by every alert sweep (<c>Alerts:SweepInterval</c>): raises one alert per SLA breach incident, through
/// <see cref="AlertStore"/> like every other alert, so the dashboard, the log and the official's e-mail carry it.
/// <c>delivered-within</c>: an incident lasts while some record is past its deadline and still not at every destination;
/// it is named by when that began (<see cref="AlertStore.EpisodeBeganAsync"/>), so the records late meanwhile add nothing,
/// and it ends when a sweep finds none late. <c>run-by</c>: one incident per working day whose deadline passed without a
/// successful run. One flow's failure is logged and never stops the others' checks.</summary>
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
                if (sla.Kind == FlowSla.RunBy)
                {
                    await CheckRunAsync(sla, cancellationToken);
                }
                else
                {
                    await CheckDeliveriesAsync(sla, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "SLA check of flow {Flow} failed; the next sweep tries again", sla.FlowId);
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
        var began = await alerts.EpisodeBeganAsync($"sla:{sla.FlowId}", 2 * alertOptions.Value.SweepInterval, cancellationToken);
        var listed = string.Join(", ", late.Take(KeysListed));
        var more = late.Count > KeysListed ? $" and {(late.Count - KeysListed).ToString(CultureInfo.InvariantCulture)} more" : "";
        await alerts.RaiseAsync("sla_breach",
            $"Luồng {sla.FlowId} trễ hạn SLA (SLA breached)",
            $"{late.Count.ToString(CultureInfo.InvariantCulture)} record(s) of flow {sla.FlowId} passed their deadline ({SlaEvaluator.Describe(sla)}, calendar {sla.Calendar}) and have not reached every destination: {listed}{more}.",
            $"sla:{sla.FlowId}:{began.UtcTicks.ToString(CultureInfo.InvariantCulture)}", $"/hangfire/sla?flow={Uri.EscapeDataString(sla.FlowId)}", cancellationToken);
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
            $"sla:{sla.FlowId}:run-by:{deadline:yyyy-MM-dd}", $"/hangfire/flows/{Uri.EscapeDataString(sla.FlowId)}", cancellationToken);
    }
}
