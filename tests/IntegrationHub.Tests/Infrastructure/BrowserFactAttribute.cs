namespace IntegrationHub.Tests.Infrastructure;

/// <summary>A test that drives Debian's chromium headless. Without the browser it is skipped with the install command,
/// except under CI=true, where it runs and fails, so a CI machine missing the browser cannot pass silently.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Browser tests need Debian's chromium at {ChromiumPath}: apt-get update && apt-get install -y chromium";
        }
    }
}
