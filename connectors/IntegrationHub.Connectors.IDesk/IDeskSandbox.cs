using System.Text.Json.Nodes;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.IDesk.Api;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>An in-process twin of iDesk speaking the API <see cref="IDeskUrls"/> describes: documents kept as files
/// (a 50 MB envelope costs no memory), received ones stored once per DocumentId, a status feed driven by simulated
/// officers (01 on arrival, 03 → 05 → 06 as processed, 13 to recall, 15/16 to answer a recall). Control endpoints
/// under <c>/sandbox/</c>, fault injection on every call.</summary>
public sealed class IDeskSandbox : SandboxBase<IDeskSandboxOptions>
{
    private readonly EdXmlFileStore _files = new();
    private readonly IDeskOffice _office;
    private readonly OutgoingFactory _factory;

    public IDeskSandbox(IDeskSandboxOptions options, TimeProvider? timeProvider = null)
        : base(IDeskConnector.ConnectorId, options, timeProvider)
    {
        _office = new IDeskOffice(options, Writes, Clock);
        _factory = new OutgoingFactory(_office, _files, options, Clock);
    }

    /// <summary>An officer sends a document out; returns its DocumentId.</summary>
    public Task<string> CreateOutgoingAsync(CreateOutgoingRequest request, CancellationToken cancellationToken = default) => _factory.CreateAsync(request, cancellationToken);

    public bool Recall(string documentId) => _office.Recall(documentId);

    /// <summary>Officers move received documents (or one) one status on.</summary>
    public void Process(string? documentId = null) => _office.Process(documentId);

    public IDeskDocumentView? Document(string documentId) => _office.View(documentId);

    public IDeskSandboxStats Stats() => _office.Stats();

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void Map(WebApplication app)
    {
        IDeskApiEndpoints.Map(app, _office, _files, Options.ApiKey);
        IDeskControlEndpoints.Map(app, _office, _factory);
    }

    /// <summary>iDesk's life in a development run: officers send a document now and then and process received ones.
    /// Off (both intervals zero) in tests, which drive it through the controls.</summary>
    protected override void OnStarted(Uri address)
    {
        Every(Options.CreateEvery, () => _ = CreateAsync());
        Every(Options.ProcessEvery, () => _office.Process());
    }

    protected override void OnStopped() => _files.Dispose();

    protected override JsonObject? OwnStats(IQueryCollection query) => ToJsonObject(_office.Stats());

    private async Task CreateAsync()
    {
        try
        {
            await _factory.CreateAsync(new CreateOutgoingRequest(), CancellationToken.None);
        }
        catch (IOException)
        {
            // The sandbox is being disposed with its folder; the demo loses one made-up document.
        }
    }
}
