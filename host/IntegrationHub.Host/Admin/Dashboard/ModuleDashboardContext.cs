using Hangfire.Dashboard;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Scheduling;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>What a module's page or action learns of its dashboard request: who, in which language, the local zone, and
/// which policies the officer meets.</summary>
public static class ModuleDashboardContext
{
    public static HubDashboardContext Of(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var clock = http.RequestServices.GetRequiredService<HubClock>();
        var access = http.RequestServices.GetRequiredService<AdminAccessHandler>();
        return new HubDashboardContext(http, OperatorName.Of(http), context.AntiforgeryToken, http.Request.PathBase.Value ?? string.Empty)
        {
            Language = DashboardLanguage.TextOf(http).Language,
            TimeZone = clock.Zone,
            ZoneLabel = ZoneLabel(clock),
            Policies = OfficerRoles.Policies.Where(p => access.Allows(http.User, http, p.Role)).Select(p => p.Policy).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The zone as a page names it once: <c>Asia/Ho_Chi_Minh, UTC+07:00</c>.</summary>
    public static string ZoneLabel(HubClock clock) => $"{clock.Zone.Id}, {clock.ZoneLabel}";
}
