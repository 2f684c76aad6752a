namespace IntegrationHub.Benchmarks;

/// <summary>The host's environment in dossier mode: as <see cref="HostSettings"/> (Development, only the measured flows on, own URL
/// and embedded PostgreSQL), with the dossiers and progress flows run on start, iGate read 1,000 a page,
/// and for the baseline one Hangfire job per message, with progress started after the dossiers.</summary>
internal static class DossierHostSettings
{
    public static Dictionary<string, string> For(string hostDll, DossierSandboxes sandboxes, BenchFolder folder, Uri hubUrl, bool jobPerMessage)
    {
        var settings = HostSettings.Common(hostDll, ["dossiers", "progress"], sandboxes.PortalUrl, sandboxes.IGateUrl, folder, hubUrl);
        settings["Connectors__igate__BatchSize"] = "1000";
        settings["Flows__dossiers__RunOnStart"] = "true";
        settings["Flows__progress__RunOnStart"] = "true";
        if (jobPerMessage)
        {
            // Progress only once the portal holds every dossier (the benchmark starts it then): with one job per message
            // each failed attempt (a step before its dossier) uses up a job, and the sweep then enqueues one job per
            // flow every 30 s, so the leftovers go at one message per 30 s. Year 2099: never within the run.
            settings["Hub__Delivery__JobPerMessage"] = "true";
            settings["Flows__progress__RunOnStart"] = "false";
            settings["Flows__progress__Schedule"] = HostSettings.Never;
        }

        return settings;
    }
}
