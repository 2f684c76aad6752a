using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.ECopy.Api;
using IntegrationHub.Connectors.ECopy.Sandbox;
using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Connectors.ECopy;

/// <summary>An in-process twin of the e-copy certification service speaking the API <see cref="ECopyUrls"/> describes:
/// certificates in a keyset change log, each copy's file served by number, API key on <c>/api</c>, faults on every call.
/// Officers certify a copy every <see cref="ECopySandboxOptions.CertifyEvery"/> in development runs; tests call
/// <see cref="Certify"/>.</summary>
public sealed class ECopySandbox : SandboxBase<ECopySandboxOptions>
{
    private readonly CertificateRegistry _registry;

    /// <param name="timeProvider">Stamps certificates and drives the officers' activity; the system clock when null.</param>
    public ECopySandbox(ECopySandboxOptions options, TimeProvider? timeProvider = null)
        : base(ECopyConnector.ConnectorId, options, timeProvider)
    {
        _registry = new CertificateRegistry(options.Seed, Clock);
    }

    /// <summary>An officer certifies a copy (of <paramref name="fileSize"/> bytes, else the options' size).</summary>
    public ECopyCertificate Certify(int? fileSize = null) => _registry.Certify(fileSize ?? Options.FileSize);

    /// <summary>The service's own bytes of a certified copy (a test may alter them to serve a corrupt copy), null for an
    /// unknown number.</summary>
    public byte[]? File(string soChungThuc) => _registry.File(soChungThuc);

    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("ApiKey", Options.ApiKey)];

    protected override void OnStarting()
    {
        for (var i = 0; i < Options.InitialCount; i++)
        {
            Certify();
        }
    }

    protected override void OnStarted(Uri address) => Every(Options.CertifyEvery, () => Certify());

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter(new SandboxAuthFilter(
            HttpAuth.ApiKey(ECopyUrls.ApiKeyHeader, Options.ApiKey),
            () => Error(StatusCodes.Status401Unauthorized, "ECOPY-401", "Khóa API (X-Api-Key) không hợp lệ hoặc bị thiếu.")));
        api.MapGet("/ping", () => Results.Json(new { status = "ok", system = "e-copy-sandbox" }, JsonSerializerOptions.Web));
        api.MapGet("/certifications", (long? after, int? limit) => Results.Json(_registry.Page(after ?? 0, limit ?? 50), JsonSerializerOptions.Web));
        api.MapGet("/certifications/{soChungThuc}/file", (string soChungThuc) => _registry.File(soChungThuc) is { } file
            ? Results.Bytes(file, "application/pdf")
            : Error(StatusCodes.Status404NotFound, "ECOPY-404", $"Không có chứng thực số {soChungThuc}."));
    }

    protected override JsonObject? OwnStats(IQueryCollection query) => new() { ["certificates"] = _registry.Count };

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new ECopyWire.Error(code, message), JsonSerializerOptions.Web, statusCode: status);
}
