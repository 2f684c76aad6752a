namespace IntegrationHub.Benchmarks;

/// <summary>The host's environment for benchmarks.</summary>
internal static class HostSettings
{
    /// <summary>Never within a run: for the periodic work a benchmark must not measure.</summary>
    public const string Never = "0 0 0 1 1 ? 2099";

    public static Dictionary<string, string> For(string hostDll, SandboxPair sandboxes, BenchFolder folder, Uri hubUrl)
    {
        var settings = Common(hostDll, ["procedures"], sandboxes.PortalUrl, sandboxes.IGateUrl, folder, hubUrl);
        settings["Flows__procedures__RunOnStart"] = "true";
        return settings;
    }

    /// <summary>What every benchmark host gets: Development (Production would need admin credentials), its own URL and
    /// embedded PostgreSQL folder, the national portal and iGate connectors pointed at this process's sandboxes. Every
    /// configured flow but <paramref name="measured"/> is off, and so are the partner simulator and the connectivity
    /// checks, so nothing but what the benchmark names runs. The other connectors keep the settings the host derives from
    /// its own sandboxes (started, idle): a connector without settings would stop the start. Those sandboxes listen on
    /// free ports, not the configured ones, which a demo hub or another run on the same machine may hold.</summary>
    public static Dictionary<string, string> Common(string hostDll, IReadOnlyCollection<string> measured, Uri portalUrl, Uri igateUrl, BenchFolder folder, Uri hubUrl)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Sandboxes__Partners__Enabled"] = "false",
            ["Hub__Connectivity__Schedule"] = Never,
            ["Hub__Http__Urls"] = hubUrl.ToString().TrimEnd('/'),
            ["Hub__EmbeddedPostgres__DataFolder"] = folder.PostgresFolder,
            ["Connectors__national-portal__BaseUrl"] = portalUrl.ToString(),
            ["Connectors__national-portal__Username"] = SandboxPair.Username,
            ["Connectors__national-portal__Password"] = SandboxPair.Password,
            ["Connectors__igate__BaseUrl"] = igateUrl.ToString(),
            ["Connectors__igate__ApiKey"] = SandboxPair.ApiKey,
        };
        foreach (var sandbox in ConfiguredSandboxes.Ids(hostDll))
        {
            settings[$"Sandboxes__{sandbox}__Port"] = "0";
        }

        foreach (var flow in ConfiguredFlows.Load(hostDll).Flows.Where(f => !measured.Contains(f.Id)))
        {
            settings[$"Flows__{flow.Id}__Enabled"] = "false";
        }

        return settings;
    }
}
