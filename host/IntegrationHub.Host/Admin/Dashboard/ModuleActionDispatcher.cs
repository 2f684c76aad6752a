using Hangfire.Dashboard;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>A module's <see cref="IHubDashboardAction"/>: POST only, antiforgery checked by Hangfire first, then the
/// action's <see cref="IHubDashboardAction.Policy"/>.</summary>
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

        // The action's own role, checked where it is dispatched: Hangfire's route matching is looser than a path
        // comparison (a trailing '/' or newline), so the middleware's check by path alone is not the last word.
        var role = OfficerRoles.Policies.FirstOrDefault(p => p.Policy == action.Policy).Role ?? OfficerRoles.Operator;
        if (!http.RequestServices.GetRequiredService<AdminAccessHandler>().Allows(http.User, http, role))
        {
            await RoleRequired.Result(http.User, role).ExecuteAsync(http);
            return;
        }

        await action.HandleAsync(ModuleDashboardContext.Of(context), await http.Request.ReadFormAsync(http.RequestAborted));
    }
}
