namespace IntegrationHub.Benchmarks;

/// <summary>The environment the host process gets: sandboxes off, its own URL and embedded PostgreSQL folder, the
/// connectors pointed at this process's sandboxes, and the procedures flow run on start.</summary>
internal static class HostSettings
{
    public static Dictionary<string, string> For(SandboxPair sandboxes, BenchFolder folder, Uri hubUrl) => new()
    {
        // Production needs admin credentials; Development with the sandboxes off runs the same hub.
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Sandboxes__Enabled"] = "false",
        ["Hub__Http__Urls"] = hubUrl.ToString().TrimEnd('/'),
        ["Hub__EmbeddedPostgres__DataFolder"] = folder.PostgresFolder,
        ["Connectors__national-portal__BaseUrl"] = sandboxes.PortalUrl.ToString(),
        ["Connectors__national-portal__Username"] = SandboxPair.Username,
        ["Connectors__national-portal__Password"] = SandboxPair.Password,
        ["Connectors__igate__BaseUrl"] = sandboxes.IGateUrl.ToString(),
        ["Connectors__igate__ApiKey"] = SandboxPair.ApiKey,
        ["Flows__procedures__RunOnStart"] = "true",
    };
}
