using IntegrationHub.Host.Admin;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>The OpenAPI 3.1 document of the admin and partner APIs at <c>/openapi/v1.json</c> and its reference UI at
/// <c>/docs</c>, both behind the admin login; each partner's own part at <see cref="PartnerDocument.Path"/>, signed.</summary>
public static class ApiDocsEndpoints
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/docs";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddSingleton<ApiAudiences>();
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer<HubDocumentTransformer>();
            options.AddSchemaTransformer<HubSchemaTransformer>();
            options.AddOperationTransformer<HubOperationTransformer>();
            options.AddDocumentTransformer<PartnerMessageTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentRoute).RequireAuthorization(AdminAccessRequirement.PolicyName);
        app.MapGet(PartnerDocument.Path, PartnerDocument.GetAsync).ExcludeFromDescription();

        // Everything the page needs is served by the hub (Scalar.AspNetCore embeds its script): no font CDN, no
        // telemetry, no AI agent or MCP calls out, and no toolbar linking to Scalar's services, so it works on machines
        // without internet.
        app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("IntegrationHub API")
                .WithOpenApiRoutePattern(DocumentRoute)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools())
            .RequireAuthorization(AdminAccessRequirement.PolicyName);
        return app;
    }
}
