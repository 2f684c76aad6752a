using Hangfire.Dashboard;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>A module's <see cref="IHubDashboardAction"/>: POST only, antiforgery checked by Hangfire first.</summary>
public sealed class ModuleActionDispatcher(Type actionType) : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var action = (IHubDashboardAction)http.RequestServices.GetRequiredService(actionType);
        await action.HandleAsync(ModuleDashboardContext.Of(context), await http.Request.ReadFormAsync(http.RequestAborted));
    }
}
