using IntegrationHub.Host.Inbound;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>The document's security schemes: HTTP Basic for the admin API, and the four headers that together sign a
/// partner's push (OpenAPI has no HMAC scheme: a requirement naming all four says each request carries all of them).</summary>
public static class ApiSecuritySchemes
{
    public const string AdminBasic = "adminBasic";
    public const string PartnerApiKey = "partnerApiKey";
    public const string PartnerTimestamp = "partnerTimestamp";
    public const string PartnerNonce = "partnerNonce";
    public const string PartnerSignature = "partnerSignature";

    public static readonly IReadOnlyList<string> Partner = [PartnerApiKey, PartnerTimestamp, PartnerNonce, PartnerSignature];

    public static void AddTo(OpenApiDocument document, TimeSpan clockSkew)
    {
        document.Components ??= new OpenApiComponents();
        var schemes = document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        schemes[AdminBasic] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "An officer's login (Hub:Admin:Users, the dashboard's). Reading needs the role viewer (every officer), " +
                "actions operator, a personal id in full auditor; without it the answer is 403 role_required. In Development, requests from this machine need none.",
        };
        schemes[PartnerApiKey] = Header(InboundAuthenticator.ApiKeyHeader, "The partner's API key (Inbound:Partners:{id}:ApiKey).");
        schemes[PartnerTimestamp] = Header(InboundAuthenticator.TimestampHeader,
            $"Unix seconds (UTC) when the request was signed; refused beyond ±{clockSkew.TotalSeconds:0} s of the hub's clock.");
        schemes[PartnerNonce] = Header(InboundAuthenticator.NonceHeader, "16 to 64 of [A-Za-z0-9_-], new for every request (a repeat is refused: nonce_replayed).");
        schemes[PartnerSignature] = Header(InboundAuthenticator.SignatureHeader,
            "Base64(HMAC-SHA256(partner's secret, METHOD + \"\\n\" + PATH + \"\\n\" + X-Timestamp + \"\\n\" + X-Nonce + \"\\n\" + hex(SHA-256(body)))), " +
            "over the exact bytes sent; PATH is the request path without query, e.g. /api/inbound/dvcqg/danh-gia.");
    }

    public static OpenApiSecurityRequirement AdminRequirement(OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(AdminBasic, document)] = [] };

    public static OpenApiSecurityRequirement PartnerRequirement(OpenApiDocument? document)
    {
        var requirement = new OpenApiSecurityRequirement();
        foreach (var name in Partner)
        {
            requirement[new OpenApiSecuritySchemeReference(name, document)] = [];
        }

        return requirement;
    }

    private static OpenApiSecurityScheme Header(string name, string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = name, Description = description };
}
