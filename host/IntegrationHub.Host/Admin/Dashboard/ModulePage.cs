using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using IntegrationHub.Contracts;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>A module's <see cref="IHubDashboardPage"/> inside the dashboard's layout, titled in the officer's language.</summary>
public sealed class ModulePage(Type pageType) : RazorPage
{
    public override void Execute()
    {
        var http = Context.GetHttpContext();
        var page = (IHubDashboardPage)http.RequestServices.GetRequiredService(pageType);
        Layout = new LayoutPage(page.TitleIn(DashboardLanguage.TextOf(http).Language));

        // Hangfire's Razor pages render synchronously.
        var body = page.RenderAsync(ModuleDashboardContext.Of(Context), http.RequestAborted).GetAwaiter().GetResult();
        WriteLiteral(body);
    }
}
