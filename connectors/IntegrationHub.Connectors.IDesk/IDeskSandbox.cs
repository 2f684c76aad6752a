using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.IDesk.Api;
using IntegrationHub.Connectors.IDesk.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.IDesk;

/// <summary>An in-process twin of iDesk speaking the API <see cref="IDeskUrls"/> describes: documents kept as files
/// (a 50 MB envelope costs no memory), received ones stored once per DocumentId, a status feed driven by simulated
/// officers (01 on arrival, 03 → 05 → 06 as processed, 13 to recall, 15/16 to answer a recall). Control endpoints
/// under <c>/sandbox/</c>, fault injection on every call.</summary>
public sealed class IDeskSandbox : IConnectorSandbox
{
    private readonly IDeskSandboxOptions _options;
    private readonly SandboxFaultInjector _faults;
    private readonly EdXmlFileStore _files = new();
    private readonly IDeskOffice _office;
    private readonly OutgoingFactory _factory;
    private readonly IDeskSimulator _simulator;
    private readonly SandboxServer _server = new();

    public IDeskSandbox(IDeskSandboxOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var clock = timeProvider ?? TimeProvider.System;
        _faults = new SandboxFaultInjector(options.Faults);
        _office = new IDeskOffice(options, clock);
        _factory = new OutgoingFactory(_office, _files, options, clock);
        _simulator = new IDeskSimulator(_office, _factory, options, clock);
    }

    public string ConnectorId => IDeskConnector.ConnectorId;

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["ApiKey"] = _options.ApiKey };

    public Uri? BaseAddress => _server.BaseAddress;

    public SandboxFaultOptions Faults => _faults.Options;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(_options, new ValidationContext(_options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException($"Sandboxes:idesk options are invalid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}");
        }

        var address = await _server.StartAsync(_options.Port, _faults, app =>
        {
            IDeskApiEndpoints.Map(app, _office, _files, _options.ApiKey);
            IDeskControlEndpoints.Map(app, _office, _factory, _faults);
        }, cancellationToken);
        _simulator.Start();
        return address;
    }

    /// <summary>An officer sends a document out; returns its DocumentId.</summary>
    public Task<string> CreateOutgoingAsync(CreateOutgoingRequest request, CancellationToken cancellationToken = default) => _factory.CreateAsync(request, cancellationToken);

    public bool Recall(string documentId) => _office.Recall(documentId);

    /// <summary>Officers move received documents (or one) one status on.</summary>
    public void Process(string? documentId = null) => _office.Process(documentId);

    public IDeskDocumentView? Document(string documentId) => _office.View(documentId);

    public IDeskSandboxStats Stats() => _office.Stats();

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _server.DisposeAsync();
        _files.Dispose();
    }
}
