namespace IntegrationHub.Benchmarks;

/// <summary>The environment the host process gets: sandboxes off, its own URL and embedded PostgreSQL folder, the
/// connectors pointed at this process's sandboxes, and the procedures flow run on start.</summary>
internal static class HostSettings
{
    public static Dictionary<string, string> For(SandboxPair sandboxes, BenchFolder folder, Uri hubUrl)
    {
        var settings = Common(sandboxes.PortalUrl, sandboxes.IGateUrl, folder, hubUrl);
        settings["Flows__procedures__RunOnStart"] = "true";
        return settings;
    }

    /// <summary>What every benchmark host gets: Development with the sandboxes off (Production would need admin
    /// credentials), its own URL and embedded PostgreSQL folder, the connectors pointed at this process's sandboxes.</summary>
    public static Dictionary<string, string> Common(Uri portalUrl, Uri igateUrl, BenchFolder folder, Uri hubUrl) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Sandboxes__Enabled"] = "false",
        ["Hub__Http__Urls"] = hubUrl.ToString().TrimEnd('/'),
        ["Hub__EmbeddedPostgres__DataFolder"] = folder.PostgresFolder,
        ["Connectors__national-portal__BaseUrl"] = portalUrl.ToString(),
        ["Connectors__national-portal__Username"] = SandboxPair.Username,
        ["Connectors__national-portal__Password"] = SandboxPair.Password,
        ["Connectors__igate__BaseUrl"] = igateUrl.ToString(),
        ["Connectors__igate__ApiKey"] = SandboxPair.ApiKey,
    };
}
