using System.Text.Json.Nodes;
using IntegrationHub.Connectors.PopulationDb.Protocol;
using IntegrationHub.Connectors.PopulationDb.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace IntegrationHub.Connectors.PopulationDb;

/// <summary>An in-process population database on 127.0.0.1: the SOAP 1.1 service <c>XacMinhThongTinNhanThan</c>
/// (SoapCore, XmlSerializer) at <c>/qldc/CongDanService.svc</c> (WSDL at <c>?wsdl</c>) over generated citizens, an
/// API key check, scripted faults (<see cref="FailNext"/>), random faults (the shared fault middleware, <see cref="Faults"/>)
/// and in-process accessors for tests. <c>GET /sandbox/stats</c> counts the SOAP requests and the citizens.</summary>
public sealed class PopulationDbSandbox : SandboxBase<PopulationDbSandboxOptions>
{
    private readonly SandboxFaultScript _script = new();
    private readonly Lazy<SandboxCitizenStore> _store;

    public PopulationDbSandbox(PopulationDbSandboxOptions options)
        : base(PopulationDbConnector.ConnectorId, options)
    {
        _store = new Lazy<SandboxCitizenStore>(() => new SandboxCitizenStore(SandboxPopulation.Generate(options.CitizenCount, options.Seed, options.ProvinceCode)));
    }

    public int CitizenCount => _store.Value.Count;

    /// <summary>SOAP requests that reached the sandbox (every attempt, faulted or not; random faults not counted).</summary>
    public int RequestCount => _script.Requests;

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

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSoapCore();
        services.AddSoapExceptionTransformer(_ => "The population database sandbox had an internal error.");
        services.AddSingleton(Options);
        services.AddSingleton(_store.Value);
        services.AddSingleton(_script);
        services.AddSingleton<SandboxSoapGate>();
        services.AddSingleton<IQldcService, SandboxQldcService>();
    }

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey), new("MaTichHop", Options.MaTichHop)];

    protected override void Map(WebApplication app)
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
    }

    protected override JsonObject? OwnStats(IQueryCollection query) =>
        new() { ["requests"] = RequestCount, ["citizens"] = CitizenCount };
}
