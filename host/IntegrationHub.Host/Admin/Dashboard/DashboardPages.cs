using Hangfire.Dashboard;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>Adds the hub's pages to the Hangfire dashboard. Hangfire keeps routes and menu in static collections, so
/// this runs once per process; the pages take their services from each request, never from a host captured here.</summary>
public static class DashboardPages
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        DashboardRoutes.Routes.AddRazorPage(MessagesPage.Path, _ => new MessagesPage());
        DashboardRoutes.Routes.AddRazorPage(DeadLettersPage.Path, _ => new DeadLettersPage());
        DashboardRoutes.Routes.Add(DeadLetterActionDispatcher.Path, new DeadLetterActionDispatcher());
        DashboardRoutes.Routes.AddRazorPage(ParkedInboxPage.Path, _ => new ParkedInboxPage());
        DashboardRoutes.Routes.Add(ParkedInboxActionDispatcher.Path, new ParkedInboxActionDispatcher());
        DashboardRoutes.Routes.AddRazorPage(ReconciliationsPage.Path, _ => new ReconciliationsPage());
        DashboardRoutes.Routes.AddRazorPage(CitizenLookupsPage.Path, _ => new CitizenLookupsPage());
        DashboardRoutes.Routes.Add(CitizenRevealDispatcher.Path, new CitizenRevealDispatcher());
        NavigationMenu.Items.Add(page => new MenuItem("Messages", page.Url.To(MessagesPage.Path)) { Active = page.RequestPath.StartsWith(MessagesPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Dead letters", page.Url.To(DeadLettersPage.Path)) { Active = page.RequestPath.StartsWith(DeadLettersPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Parked inbox", page.Url.To(ParkedInboxPage.Path)) { Active = page.RequestPath.StartsWith(ParkedInboxPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Citizen lookups", page.Url.To(CitizenLookupsPage.Path)) { Active = page.RequestPath.StartsWith(CitizenLookupsPage.Path, StringComparison.Ordinal) });
        NavigationMenu.Items.Add(page => new MenuItem("Reconciliations", page.Url.To(ReconciliationsPage.Path)) { Active = page.RequestPath.StartsWith(ReconciliationsPage.Path, StringComparison.Ordinal) });
    }
}
