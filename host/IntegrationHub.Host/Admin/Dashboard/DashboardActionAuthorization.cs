using IntegrationHub.Contracts;
using IntegrationHub.Host.Modules;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The dashboard's writes (every method but GET and HEAD under its path) need more than reading: a module
/// action its own <see cref="IHubDashboardAction.Policy"/>'s role, everything else (the hub's forms, Hangfire's retry
/// and delete buttons) the operator's. Runs after the dashboard's own (viewer) authorization, so the officer is known; a
/// refusal is 403 <c>role_required</c>. Hangfire also hides its buttons from non-operators (its IsReadOnlyFunc).</summary>
public sealed class DashboardActionAuthorization(RequestDelegate next, string dashboardPath, ModuleContributions modules)
{
    private const string StatisticsPath = "/stats";

    private Dictionary<string, string>? _modulePolicies;

    public async Task InvokeAsync(HttpContext context, AdminAccessHandler access)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ||
            !request.Path.StartsWithSegments(dashboardPath, out var rest))
        {
            await next(context);
            return;
        }

        // Matched the way Hangfire matches routes (it ignores a trailing '/', and its '$' a final newline).
        var path = (rest.Value ?? string.Empty).TrimEnd('/', '\n', '\r');

        // Hangfire's pages poll their statistics by POST: reading, which every officer may.
        if (string.Equals(path, StatisticsPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var policy = ModulePolicies(context.RequestServices).GetValueOrDefault(path, HubPolicies.Operator);
        var role = OfficerRoles.Policies.FirstOrDefault(p => p.Policy == policy).Role ?? OfficerRoles.Operator;
        if (!access.Allows(context.User, context, role))
        {
            await RoleRequired.Result(context.User, role).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private Dictionary<string, string> ModulePolicies(IServiceProvider services) =>
        _modulePolicies ??= modules.DashboardActions
            .Select(type => (IHubDashboardAction)services.GetRequiredService(type))
            .ToDictionary(action => action.Path, action => action.Policy, StringComparer.OrdinalIgnoreCase);
}
