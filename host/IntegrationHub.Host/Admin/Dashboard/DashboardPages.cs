using Hangfire.Dashboard;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Modules;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Adds the hub's pages to the Hangfire dashboard. Hangfire keeps routes and menu in static collections, so
/// engine pages are added once per process and each module path once; the pages take their services from each request, never from a host captured here.</summary>
public static class DashboardPages
{
    /// <summary>Where the dashboard is mapped.</summary>
    public const string BasePath = "/hangfire";

    private static int _registered;
    private static readonly HashSet<string> ModulePaths = [];

    public static void Register(IServiceProvider services, ModuleContributions modules)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            RegisterEnginePages();
        }

        RegisterModulePages(services, modules);
    }

    private static void RegisterEnginePages()
    {
        // The Flows page, its form's action, and each flow's page (/flows/{id}).
        DashboardRoutes.Routes.AddRazorPage(FlowsPage.Path, _ => new FlowsPage());
        DashboardRoutes.Routes.Add(FlowActionDispatcher.Path, new FlowActionDispatcher());
        DashboardRoutes.Routes.AddRazorPage(FlowPage.Route, match => new FlowPage(match.Groups["flowId"].Value));
        // The Connectors page, its Check now form, and each connector's page (/connectors/{id}).
        DashboardRoutes.Routes.AddRazorPage(ConnectorsPage.Path, _ => new ConnectorsPage());
        DashboardRoutes.Routes.Add(ConnectorActionDispatcher.Path, new ConnectorActionDispatcher());
        DashboardRoutes.Routes.AddRazorPage(ConnectorPage.Route, match => new ConnectorPage(match.Groups["connectorId"].Value));
        DashboardRoutes.Routes.AddRazorPage(FlowActivityPage.Path, _ => new FlowActivityPage());
        DashboardRoutes.Routes.AddRazorPage(SlaPage.Path, _ => new SlaPage());
        DashboardRoutes.Routes.AddRazorPage(MessagesPage.Path, _ => new MessagesPage());
        DashboardRoutes.Routes.AddRazorPage(DeadLettersPage.Path, _ => new DeadLettersPage());
        DashboardRoutes.Routes.Add(DeadLetterActionDispatcher.Path, new DeadLetterActionDispatcher());
        DashboardRoutes.Routes.AddRazorPage(ParkedInboxPage.Path, _ => new ParkedInboxPage());
        DashboardRoutes.Routes.Add(ParkedInboxActionDispatcher.Path, new ParkedInboxActionDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem(DashboardLanguage.TextOf(page.Context.GetHttpContext()).MenuFlows, page.Url.To(FlowsPage.Path))
        {
            // The overview's charts are reached from the Flows page: the menu has no room left for one more entry.
            Active = page.RequestPath == FlowsPage.Path || page.RequestPath.StartsWith(FlowsPage.Path + "/", StringComparison.Ordinal) || page.RequestPath == FlowActivityPage.Path || page.RequestPath == SlaPage.Path,
        });
        NavigationMenu.Items.Add(page => new MenuItem(DashboardLanguage.TextOf(page.Context.GetHttpContext()).MenuConnectors, page.Url.To(ConnectorsPage.Path))
        {
            Active = page.RequestPath == ConnectorsPage.Path || page.RequestPath.StartsWith(ConnectorsPage.Path + "/", StringComparison.Ordinal),
        });
        NavigationMenu.Items.Add(page => new MenuItem(TextOf(page).MenuMessages, page.Url.To(MessagesPage.Path)) { Active = page.RequestPath.StartsWith(MessagesPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem(TextOf(page).MenuDeadLetters, page.Url.To(DeadLettersPage.Path)) { Active = page.RequestPath.StartsWith(DeadLettersPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem(TextOf(page).MenuParkedInbox, page.Url.To(ParkedInboxPage.Path)) { Active = page.RequestPath.StartsWith(ParkedInboxPage.Path, StringComparison.Ordinal) });
    }

    /// <summary>Each module path once per process (Hangfire's routes are static); the page itself is resolved per request.</summary>
    private static void RegisterModulePages(IServiceProvider services, ModuleContributions modules)
    {
        lock (ModulePaths)
        {
            foreach (var type in modules.DashboardPages)
            {
                var page = (IHubDashboardPage)services.GetRequiredService(type);
                if (ModulePaths.Add(page.Path))
                {
                    var path = page.Path;
                    DashboardRoutes.Routes.AddRazorPage(path, _ => new ModulePage(type));
                    NavigationMenu.Items.Add(p => new MenuItem(page.TitleIn(TextOf(p).Language), p.Url.To(path)) { Active = p.RequestPath.StartsWith(path, StringComparison.Ordinal) });
                }
            }

            foreach (var type in modules.DashboardActions)
            {
                var action = (IHubDashboardAction)services.GetRequiredService(type);
                if (ModulePaths.Add(action.Path))
                {
                    DashboardRoutes.Routes.Add(action.Path, new ModuleActionDispatcher(type));
                }
            }
        }
    }

    private static DashboardText TextOf(RazorPage page) => DashboardLanguage.TextOf(page.Context.GetHttpContext());
}
