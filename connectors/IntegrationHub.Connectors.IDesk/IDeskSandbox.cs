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
    private readonly IDeskSimulator _simulator;

    public IDeskSandbox(IDeskSandboxOptions options, TimeProvider? timeProvider = null)
        : base(IDeskConnector.ConnectorId, options)
    {
        var clock = timeProvider ?? TimeProvider.System;
        _office = new IDeskOffice(options, Writes, clock);
        _factory = new OutgoingFactory(_office, _files, options, clock);
        _simulator = new IDeskSimulator(_office, _factory, options, clock);
    }

    /// <summary>An officer sends a document out; returns its DocumentId.</summary>
    public Task<string> CreateOutgoingAsync(CreateOutgoingRequest request, CancellationToken cancellationToken = default) => _factory.CreateAsync(request, cancellationToken);

    public bool Recall(string documentId) => _office.Recall(documentId);

    /// <summary>Officers move received documents (or one) one status on.</summary>
    public void Process(string? documentId = null) => _office.Process(documentId);

    public IDeskDocumentView? Document(string documentId) => _office.View(documentId);

    public IDeskSandboxStats Stats() => _office.Stats();

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public override IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["ApiKey"] = Options.ApiKey };

    protected override void Map(WebApplication app)
    {
        IDeskApiEndpoints.Map(app, _office, _files, Options.ApiKey);
        IDeskControlEndpoints.Map(app, _office, _factory);
    }

    protected override void OnStarted(Uri address) => _simulator.Start();

    protected override ValueTask OnStoppingAsync() => _simulator.DisposeAsync();

    protected override void OnStopped() => _files.Dispose();

    protected override JsonObject? OwnStats(IQueryCollection query) => ToJsonObject(_office.Stats());
}
