namespace IntegrationHub.Contracts;

/// <summary>A page a module adds to the admin dashboard, behind the admin login, with a menu entry. The host renders it
/// inside the dashboard's layout; the page only writes its body.</summary>
public interface IHubDashboardPage
{
    /// <summary>Path under the dashboard, e.g. <c>/reconciliations</c>.</summary>
    string Path { get; }

    /// <summary>The menu entry and the browser title.</summary>
    string Title { get; }

    /// <summary>The menu entry and the browser title in <paramref name="language"/> (<c>vi</c> or <c>en</c>, as
    /// <see cref="HubDashboardContext.Language"/>); <see cref="Title"/> unless the page says otherwise.</summary>
    string TitleIn(string language) => Title;

    /// <summary>The page's HTML body. Everything taken from <paramref name="page"/> or storage must be HTML-encoded.</summary>
    Task<string> RenderAsync(HubDashboardContext page, CancellationToken cancellationToken);
}
