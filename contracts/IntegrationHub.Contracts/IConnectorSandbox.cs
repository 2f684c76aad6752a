namespace IntegrationHub.Contracts;

/// <summary>An in-process twin of a counterparty that speaks its real protocol, with state and fault injection.</summary>
public interface IConnectorSandbox : IAsyncDisposable
{
    /// <summary>The id of the connector this sandbox stands in for.</summary>
    string ConnectorId { get; }

    /// <summary>Starts listening on 127.0.0.1 and returns the base address (port 0 picks a free port).</summary>
    Task<Uri> StartAsync(CancellationToken cancellationToken);

    /// <summary>The connector settings (keys under <c>Connectors:{id}</c>) that make the connector talk to this
    /// sandbox at <paramref name="baseAddress"/>: its URL and the credentials the sandbox accepts. The host and the
    /// test kit wire connectors to sandboxes with these, so no port or key is typed twice.</summary>
    IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString() };
}
