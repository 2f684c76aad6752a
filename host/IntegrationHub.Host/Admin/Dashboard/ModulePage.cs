using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>A module's <see cref="IHubDashboardPage"/> inside the dashboard's layout.</summary>
public sealed class ModulePage(Type pageType) : RazorPage
{
    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var page = (IHubDashboardPage)http.RequestServices.GetRequiredService(pageType);
        Layout = new LayoutPage(page.Title);

        // Hangfire's Razor pages render synchronously.
        var body = page.RenderAsync(ModuleDashboardContext.Of(Context), http.RequestAborted).GetAwaiter().GetResult();
        WriteLiteral(body);
    }
}
