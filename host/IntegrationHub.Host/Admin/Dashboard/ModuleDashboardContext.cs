using Hangfire.Dashboard;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>What a module's page or action learns of its dashboard request.</summary>
public static class ModuleDashboardContext
{
    public static HubDashboardContext Of(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return new HubDashboardContext(http, OperatorName.Of(http), context.AntiforgeryToken, http.Request.PathBase.Value ?? string.Empty);
    }
}
