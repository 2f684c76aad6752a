using System.Text;
using System.Globalization;
using IntegrationHub.Host.Connectivity;
using IntegrationHub.Host.Maintenance;
using IntegrationHub.Host.Scheduling;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Pieces the Connectors page and a connector's page share: the circuit's label, the call counts and
/// latencies, the latest connectivity check, and the Check now form.</summary>
public static class ConnectorHtml
{
    public static void AppendCircuit(StringBuilder html, DashboardText text, string circuit)
    {
        var css = circuit switch
        {
            "Closed" => "label-success",
            "HalfOpen" => "label-warning",
            _ => "label-danger",
        };
        html.Append($"<span class=\"label {css} circuit\" data-circuit=\"{E(circuit)}\">{E(text.Circuit(circuit))}</span>");
    }

    /// <summary>Nothing unless every call has been failing for <c>Hub:Counterparties:FailingAlertAfter</c>.</summary>
    public static void AppendFailing(StringBuilder html, DashboardText text, HubClock clock, CounterpartyFailing? failing)
    {
        if (failing is not null)
        {
            html.Append($"<br /><span class=\"label label-danger calls-failing\" data-since=\"{failing.Since.UtcDateTime:O}\">")
                .Append(E(text.Format(text.CallsFailingSinceFormat, clock.Format(failing.Since), text.Number(failing.Failures))))
                .Append("</span>");
        }
    }

    /// <summary>"in maintenance until 02:00, reason" while a window is in force, else the next window, if any.</summary>
    public static void AppendMaintenance(StringBuilder html, DashboardText text, HubClock clock, MaintenanceWindow? current, MaintenanceWindow? next)
    {
        if (current is not null)
        {
            html.Append($"<br /><span class=\"label label-warning in-maintenance\" data-until=\"{current.To.UtcDateTime:O}\">")
                .Append(E(text.Format(text.InMaintenanceUntilFormat, Local(clock, current.To), current.Reason)))
                .Append("</span>");
        }
        else if (next is not null)
        {
            html.Append($"<br /><small class=\"next-maintenance\" data-from=\"{next.From.UtcDateTime:O}\">")
                .Append(E(text.Format(text.NextMaintenanceFormat, clock.ToLocal(next.From).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Local(clock, next.To), next.Reason)))
                .Append("</small>");
        }
    }

    /// <summary>HH:mm, with the date before it when that is not today (local).</summary>
    private static string Local(HubClock clock, DateTimeOffset at)
    {
        var local = clock.ToLocal(at);
        return local.Date == clock.ToLocal(clock.Now).Date
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static void AppendCalls(StringBuilder html, DashboardText text, ConnectorCalls calls) =>
        html.Append($"{E(text.Calls)}: <b class=\"calls\">{text.Number(calls.LastHourCalls)}</b><br />")
            .Append($"{E(text.Failures)}: <b class=\"failures{(calls.LastHourFailures > 0 ? " text-danger" : string.Empty)}\">{text.Number(calls.LastHourFailures)}</b>");

    public static void AppendLatency(StringBuilder html, DashboardText text, ConnectorCalls calls) =>
        html.Append($"<span class=\"latency-p50\">{Milliseconds(text, calls.P50Ms)}</span> / <span class=\"latency-p99\">{Milliseconds(text, calls.P99Ms)}</span>");

    /// <summary>When (local), outcome, failure kind and code with its first problem, since when failing, last success, who asked.</summary>
    public static void AppendCheck(StringBuilder html, DashboardText text, HubClock clock, ConnectivityCheck? check)
    {
        if (check is null)
        {
            html.Append($"<span class=\"label label-default check-outcome\" data-outcome=\"none\">{E(text.NotChecked)}</span>");
            return;
        }

        html.Append(check.Succeeded
                ? $"<span class=\"label label-success check-outcome\" data-outcome=\"succeeded\">{E(text.CheckSucceeded)}</span>"
                : $"<span class=\"label label-danger check-outcome\" data-outcome=\"failed\">{E(text.CheckFailed)}</span>")
            .Append($" <span class=\"checked-at\">{clock.Format(check.CheckedAt)}</span> <small>({text.Number(check.DurationMs)} ms)</small>");
        if (!check.Succeeded)
        {
            html.Append($"<br /><code class=\"check-failure\">{E(check.FailureKind)} {E(check.FailureCode)}</code>");
            if (check.Problems.FirstOrDefault() is { } problem)
            {
                html.Append($" <span class=\"check-problem text-danger\">{E(problem)}</span>");
            }

            if (check.FailingSince is { } since)
            {
                html.Append($"<br /><small class=\"failing-since\">{E(text.Format(text.FailingSinceFormat, clock.Format(since)))}</small>");
            }
        }

        html.Append("<br /><small class=\"last-success\">")
            .Append(E(check.LastSuccessAt is { } success ? text.Format(text.LastSuccessFormat, clock.Format(success)) : text.NeverSucceeded))
            .Append("</small> · <small class=\"checked-by\">")
            .Append(E(check.CheckedBy is { } by ? text.Format(text.CheckedByFormat, by) : text.CheckedBySchedule))
            .Append("</small>");
    }

    /// <summary>Check now, posted with the dashboard's antiforgery token like its other forms.</summary>
    public static void AppendCheckForm(StringBuilder html, DashboardText text, string actionUrl, string antiforgeryToken, string connectorId, string back) =>
        html.Append($"<form method=\"post\" action=\"{actionUrl}\" class=\"connector-check-form\" data-connector=\"{E(connectorId)}\" style=\"display:inline\">")
            .Append($"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{E(antiforgeryToken)}\" />")
            .Append($"<input type=\"hidden\" name=\"connector\" value=\"{E(connectorId)}\" /><input type=\"hidden\" name=\"back\" value=\"{E(back)}\" />")
            .Append($"<button type=\"submit\" class=\"btn btn-sm btn-default connector-check\">{E(text.CheckNow)}</button></form>");

    private static string Milliseconds(DashboardText text, double? ms) =>
        ms is { } value ? $"{value.ToString(value < 10 ? "N1" : "N0", text.Culture)} ms" : "–";
}
