using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.PopulationDb.Protocol;
using IntegrationHub.Connectors.PopulationDb.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>An in-process population database on 127.0.0.1: the SOAP 1.1 service <c>XacMinhThongTinNhanThan</c>
/// (SoapCore, XmlSerializer) at <c>/qldc/CongDanService.svc</c> (WSDL at <c>?wsdl</c>) over generated citizens, an
/// API key check, scripted faults (<see cref="FailNext"/>), random faults (the shared fault middleware, <see cref="Faults"/>)
/// and in-process accessors for tests.</summary>
public sealed class PopulationDbSandbox : IConnectorSandbox
{
    private readonly PopulationDbSandboxOptions _options;
    private readonly SandboxFaultInjector _faults;
    private readonly SandboxFaultScript _script = new();
    private readonly Lazy<SandboxCitizenStore> _store;
    private readonly SandboxServer _server = new();

    public PopulationDbSandbox(PopulationDbSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _faults = new SandboxFaultInjector(options.Faults);
        _store = new Lazy<SandboxCitizenStore>(() => new SandboxCitizenStore(SandboxPopulation.Generate(options.CitizenCount, options.Seed, options.ProvinceCode)));
    }

    public string ConnectorId => PopulationDbConnector.ConnectorId;

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["ApiKey"] = _options.ApiKey, ["MaTichHop"] = _options.MaTichHop };

    /// <summary>Null until started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>The live random-fault settings: changes apply to the next call.</summary>
    public SandboxFaultOptions Faults => _faults.Options;

    public int CitizenCount => _store.Value.Count;

    /// <summary>SOAP requests that reached the sandbox (every attempt, faulted or not; random faults not counted).</summary>
    public int RequestCount => _script.Requests;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (_server.BaseAddress is not null)
        {
            throw new InvalidOperationException("The population database sandbox is already started.");
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(_options, new ValidationContext(_options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Sandboxes:{ConnectorId} options are invalid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}");
        }

        var store = _store.Value;
        return await _server.StartAsync(_options.Port, _faults, services => AddServices(services, store), Map, cancellationToken);
    }

    /// <summary>The citizen generated at <paramref name="index"/> (0 .. CitizenCount-1).</summary>
    public CitizenRecord KnownCitizen(int index = 0) => CongDanMapper.ToRecord(_store.Value.At(index));

    /// <summary>Adds or replaces a citizen (for names with odd spacing, case or composition).</summary>
    public void Put(CitizenRecord citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        _store.Value.Put(CongDanMapper.ToCongDan(citizen));
    }

    /// <summary>How many lookups reached the service for this id (faulted attempts before the service are not counted).</summary>
    public int LookupCount(string soDinhDanh) => _store.Value.LookupCount(soDinhDanh);

    /// <summary>The next <paramref name="times"/> SOAP requests get <paramref name="fault"/>.</summary>
    public void FailNext(PopulationDbSandboxFault fault, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        _script.Add(fault, times);
    }

    public IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts() => _faults.Counts();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private void AddServices(IServiceCollection services, SandboxCitizenStore store)
    {
        services.AddHttpContextAccessor();
        services.AddSoapCore();
        services.AddSoapExceptionTransformer(_ => "The population database sandbox had an internal error.");
        services.AddSingleton(_options);
        services.AddSingleton(store);
        services.AddSingleton(_script);
        services.AddSingleton<SandboxSoapGate>();
        services.AddSingleton<IQldcService, SandboxQldcService>();
    }

    private static void Map(WebApplication app)
    {
        var gate = app.Services.GetRequiredService<SandboxSoapGate>();
        app.Use((context, next) => gate.InvokeAsync(context, () => next(context)));
        app.UseRouting();
        ((IEndpointRouteBuilder)app).UseSoapEndpoint<IQldcService>(soap =>
        {
            soap.Path = "/" + QldcNamespace.Path;
            soap.EncoderOptions = [new SoapEncoderOptions { MessageVersion = System.ServiceModel.Channels.MessageVersion.Soap11 }];
            soap.SoapSerializer = SoapSerializer.XmlSerializer;
            soap.IndentXml = false;
        });
        app.MapSandboxFaults(app.Services.GetRequiredService<SandboxFaultInjector>());
    }
}
