using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>Schemas as the hub writes them: a number is a JSON number (the web defaults also read "42" as 42, which made
/// every number "integer or string"; the hub never writes one as a string), and a raw JSON value (a payload) says so.</summary>
public sealed class HubSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonTypeInfo.Type == typeof(JsonElement))
        {
            schema.Description ??= "Any JSON value, as stored (personal ids masked where the hub shows it to admins).";
        }

        return Task.CompletedTask;
    }
}
