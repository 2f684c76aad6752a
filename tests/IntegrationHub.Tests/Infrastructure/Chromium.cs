using Microsoft.Playwright;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The browser tests' one way to start Debian's chromium (see <see cref="BrowserFactAttribute"/>): headless,
/// no sandbox (containers), and none of its background traffic (updates, sync, QUIC) to slow or disturb a test.</summary>
public static class Chromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
}
