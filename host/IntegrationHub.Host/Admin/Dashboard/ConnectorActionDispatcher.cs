using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Text;
using IntegrationHub.Host.Connectivity;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The Connectors pages' POST: a connectivity check now (as <c>POST /api/connectors/{id}/check</c>, recorded
/// with the officer), then back to the page it came from with the outcome in the user's language.</summary>
public sealed class ConnectorActionDispatcher : FormPostDispatcher
{
    /// <summary>Not under <see cref="ConnectorsPage.Path"/>: <c>/connectors/{id}</c> is a connector's page.</summary>
    public const string Path = "/connector-actions";

    protected override async Task HandleAsync(HttpContext http, IFormCollection form)
    {
        var text = DashboardLanguage.TextOf(http);
        var connectorId = StorableText.Sanitize(form["connector"].FirstOrDefault()) ?? string.Empty;
        var back = form["back"].FirstOrDefault() == "connector" && connectorId.Length > 0
            ? $"{http.Request.PathBase}{ConnectorsPage.Path}/{Uri.EscapeDataString(connectorId)}"
            : $"{http.Request.PathBase}{ConnectorsPage.Path}";
        var (ok, message) = await CheckAsync(http, text, connectorId);
        http.Response.Redirect($"{back}?{(ok ? "done" : "error")}={Uri.EscapeDataString(message)}");
    }

    private static async Task<(bool Ok, string Message)> CheckAsync(HttpContext http, DashboardText text, string connectorId)
    {
        if (!http.RequestServices.GetRequiredService<ConnectorCatalog>().IsRegistered(connectorId))
        {
            return (false, text.Format(text.UnknownConnectorFormat, connectorId));
        }

        // Nothing is sent to a counterparty in maintenance, a check neither.
        if (await http.RequestServices.GetRequiredService<Maintenance.ConnectorMaintenance>().CurrentAsync(connectorId, http.RequestAborted) is { } window)
        {
            var clock = http.RequestServices.GetRequiredService<Scheduling.HubClock>();
            return (false, $"{connectorId}: {text.Format(text.InMaintenanceUntilFormat, clock.Format(window.To), window.Reason)}");
        }

        var officer = OperatorName.Of(http);
        var check = await http.RequestServices.GetRequiredService<ConnectivityChecker>()
            .CheckAsync(connectorId, ConnectivityChecker.OperatorTrigger, officer, http.RequestAborted);
        return check.Succeeded
            ? (true, text.Format(text.CheckPassedFormat, connectorId, check.DurationMs, officer))
            : (false, text.Format(text.CheckNotPassedFormat, connectorId, check.FailureKind, check.FailureCode, check.Problems.FirstOrDefault()));
    }
}
