namespace IntegrationHub.Host.Storage;

/// <summary>The private PostgreSQL cluster the host runs when no <c>ConnectionStrings:Hub</c> is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>Where the cluster lives; relative paths are under the content root. Empty: <c>.data/postgres</c>,
    /// or, when running as root, a per-checkout folder under /var/tmp that the postgres user can reach.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Folder with initdb/pg_ctl; empty searches /usr/lib/postgresql/*/bin and PATH.</summary>
    public string? BinFolder { get; set; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Off only for throwaway test clusters: an acknowledged message must survive a power cut.</summary>
    public bool Fsync { get; set; } = true;

    public string Database { get; set; } = "integrationhub";
}
