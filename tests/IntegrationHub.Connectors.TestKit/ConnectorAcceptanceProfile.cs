using IntegrationHub.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.TestKit;

/// <summary>What the acceptance suite needs to know of one connector; settings are keyed relative to the connector's
/// section (<c>ApiKey</c>, not <c>Connectors:x:ApiKey</c>).</summary>
/// <param name="Module">The package's module, registered as the host registers it.</param>
/// <param name="ConnectorId">The connector the suite tests (a module may register several).</param>
/// <param name="BadParameters">At least two settings the parameters check must each report (offline).</param>
/// <param name="WrongCredentials">Settings the sandbox refuses as an authentication failure.</param>
public sealed record ConnectorAcceptanceProfile(
    IHubModule Module,
    string ConnectorId,
    IReadOnlyDictionary<string, string?> BadParameters,
    IReadOnlyDictionary<string, string?> WrongCredentials)
{
    /// <summary><c>Sandboxes:{id}</c> settings for the sandbox under test (credentials it accepts, data to start with).</summary>
    public IReadOnlyDictionary<string, string?> SandboxSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Connector settings beyond what the sandbox gives (e.g. a small page size, so reads make several checkpoints).</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The source stream to read, when the connector has one.</summary>
    public SourceCase? Source { get; init; }

    /// <summary>The destination stream to write, when the connector has one.</summary>
    public DestinationCase? Destination { get; init; }

    /// <summary>True for a connector that serves no stream: a lookup its own module's features call directly (an
    /// enricher's, an endpoint's). The spec check then asserts it declares no stream and reads or writes none, instead
    /// of asserting it declares some.</summary>
    public bool ServesNoStreams { get; init; }

    /// <summary>Services the connector or sandbox takes besides options and HTTP (e.g. an <see cref="IAttachmentStore"/>).</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
