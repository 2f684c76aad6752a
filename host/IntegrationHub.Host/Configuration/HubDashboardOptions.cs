namespace IntegrationHub.Host.Configuration;

/// <summary>The hub's dashboard pages (<c>Hub:Dashboard</c>).</summary>
public sealed class HubDashboardOptions
{
    /// <summary>Language of the hub's pages unless a user chose another (<c>?lang=</c>, kept in a cookie): <c>vi</c> or <c>en</c>.</summary>
    public string Language { get; set; } = "vi";
}
