namespace IntegrationHub.Tests.Infrastructure;

/// <summary>Test hub settings (Section:Key) as the environment variables (Section__Key) a hub process reads; the
/// listen address is left to <see cref="HubProcess"/>, which picks a free port.</summary>
public static class ProcessSettings
{
    public static Dictionary<string, string> AsEnvironment(IDictionary<string, string?> settings, string environmentName) =>
        settings.Where(s => s.Value is not null && s.Key != "Hub:Http:Urls")
            .Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value!))
            .Append(KeyValuePair.Create("ASPNETCORE_ENVIRONMENT", environmentName))
            .ToDictionary();
}
