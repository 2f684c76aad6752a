using IntegrationHub.Host.Configuration;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>The document's title and introduction, its security schemes and the shared problem schema.</summary>
public sealed class HubDocumentTransformer(IOptions<InboundOptions> inbound) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "IntegrationHub API",
            Version = "v1",
            Description =
                "The province's integration hub: the admin API (flows, messages, dead letters, parked inbox, alerts, and what " +
                "connector modules add) behind the officers' login, and the endpoints national systems push to.\n\n" +
                "**Partners** sign every push with four headers (see the security schemes): `X-Api-Key`, `X-Timestamp`, `X-Nonce` and " +
                "`X-Signature`, the Base64 HMAC-SHA256 of `METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nhex(SHA-256(body))` keyed with the partner's " +
                "secret. Each message type has its own path and body schema, generated from the hub's configuration: it lists exactly " +
                "the fields the hub accepts, their types and which are required; any other field is refused (`unknown_field`). " +
                $"Bodies are at most {inbound.Value.MaxBodyBytes} bytes (`Inbound:MaxBodyBytes`). The same message over SOAP: `POST /soap/inbound` (WSDL at `/soap/inbound?wsdl`).\n\n" +
                "**Errors** are `application/problem+json` with a machine-readable `code` (each response lists the codes it may carry) " +
                "and a `traceId`; 503 answers carry `Retry-After`.",
        };
        ApiSecuritySchemes.AddTo(document, inbound.Value.ClockSkew);
        ProblemSchema.AddTo(document);
        return Task.CompletedTask;
    }
}
