using System.Text.Json.Nodes;
using IntegrationHub.Host.Http;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>The <c>application/problem+json</c> body every refusal and error of the hub has (RFC 9457 with the hub's
/// <c>code</c> and <c>traceId</c>), and the response that narrows <c>code</c> to what one endpoint answers.</summary>
public static class ProblemSchema
{
    public const string Name = "Problem";
    public const string MediaType = "application/problem+json";

    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[Name] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A refusal or error (RFC 9457). Branch on `code`: each response lists the codes it may carry.",
            Required = new HashSet<string> { "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("A URI naming the problem (partner refusals: urn:integrationhub:inbound:{code})."),
                ["title"] = Text("A short summary for people."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What happened and what to do, for people. Personal ids in it are masked."),
                ["instance"] = Text("The request the problem is about, when given."),
                ["code"] = Text("The machine-readable reason, in snake_case."),
                ["traceId"] = Text("The request's trace id: quote it to the hub's operators (the log has the details under it)."),
            },
        };
    }

    /// <param name="codes">The codes this status may carry here, in a stable order.</param>
    public static OpenApiResponse Response(OpenApiDocument? document, int status, IReadOnlyCollection<string> codes) => new()
    {
        Description = $"{ReasonPhrase(status)}: `code` is {string.Join(", ", codes.Select(c => $"`{c}`"))}.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [MediaType] = new()
            {
                Schema = new OpenApiSchema
                {
                    AllOf =
                    [
                        new OpenApiSchemaReference(Name, document),
                        new OpenApiSchema
                        {
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))] },
                            },
                        },
                    ],
                },
            },
        },
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : ProblemCodes.Describe(status);

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
