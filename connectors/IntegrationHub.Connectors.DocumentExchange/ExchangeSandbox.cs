using System.Text.Json.Nodes;
using IntegrationHub.Connectors.DocumentExchange.Exchange;
using IntegrationHub.Connectors.DocumentExchange.Sandbox;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>An in-process twin of the national document-exchange platform, speaking edXML over HTTP as
/// <see cref="ExchangeUrls"/> describes: documents stored as files (a 50 MB envelope costs no memory), received
/// documents listed again until the addressee posts 01/02, statuses routed between senders and addressees, every
/// agency but the province simulated (01 → 03 → 05 → 06; recall 13 answered 15, or 16 once done). Control endpoints
/// under <c>/sandbox/</c>, fault injection on every call.</summary>
public sealed class ExchangeSandbox : SandboxBase<ExchangeSandboxOptions>
{
    private readonly EdXmlFileStore _files = new();
    private readonly ExchangePlatform _platform;
    private readonly DocumentPlanter _planter;

    public ExchangeSandbox(ExchangeSandboxOptions options, TimeProvider? timeProvider = null)
        : base(ExchangeConnector.ConnectorId, options, timeProvider)
    {
        _platform = new ExchangePlatform(options, Writes, Clock);
        _planter = new DocumentPlanter(_platform, _files, options, Clock);
    }

    /// <summary>A simulated agency sends the province a document; returns its DocumentId.</summary>
    public Task<string> PlantAsync(PlantRequest request, CancellationToken cancellationToken = default) => _planter.PlantAsync(request, cancellationToken);

    public Task PlantRawAsync(string documentId, Stream body, CancellationToken cancellationToken = default) =>
        _planter.PlantRawAsync(documentId, from: null, to: null, body, cancellationToken);

    public ExchangeDocumentView? Document(string documentId) => _platform.View(documentId);

    public ExchangeSandboxStats Stats() => _platform.Stats();

    /// <summary>Simulated addressees of the document (or of all documents) move one status on.</summary>
    public void Advance(string? documentId = null) => _platform.Advance(documentId);

    public void ForceStatus(ForceStatusRequest request)
    {
        var outcome = _planter.Force(request);
        if (outcome.Refused)
        {
            throw new InvalidOperationException($"{outcome.Code}: {outcome.Message}");
        }
    }

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void Map(WebApplication app)
    {
        ExchangeApiEndpoints.Map(app, _platform, _files, Options.ApiKey);
        ExchangeControlEndpoints.Map(app, _platform, _planter);
    }

    /// <summary>The platform's life in a development run: simulated addressees move their documents on, and now and
    /// then an agency sends the province a document. Off (both intervals zero) in tests, which use the controls.</summary>
    protected override void OnStarted(Uri address)
    {
        Every(Options.ReplyEvery, () => _platform.Advance());
        Every(Options.PlantEvery, () => _ = PlantAsync());
    }

    protected override void OnStopped() => _files.Dispose();

    protected override JsonObject? OwnStats(IQueryCollection query) => ToJsonObject(_platform.Stats());

    private async Task PlantAsync()
    {
        try
        {
            await _planter.PlantAsync(new PlantRequest(), CancellationToken.None);
        }
        catch (IOException)
        {
            // The sandbox is being disposed with its folder; the demo loses one made-up document.
        }
    }
}
