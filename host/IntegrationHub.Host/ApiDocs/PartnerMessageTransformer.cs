using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Inbound;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>Turns each templated partner endpoint into one path per configured (enabled partner, message type), with
/// that type's body schema (<see cref="InboundMessageSchema"/>): <c>/api/inbound/{partner}/{messageType}</c> becomes
/// <c>/api/inbound/dvcqg/danh-gia</c>..., a module's own endpoint (<see cref="DedicatedInboundType"/>, e.g.
/// <c>/api/payments/init/{partner}</c>) one path per partner that may send its type. Each such operation is marked
/// <c>x-partner</c>, which the partner's own copy of the document (<see cref="PartnerDocument"/>) keeps.</summary>
public sealed class PartnerMessageTransformer(IOptions<InboundOptions> inbound, IEnumerable<DedicatedInboundType> dedicated) : IOpenApiDocumentTransformer
{
    public const string PartnerExtension = "x-partner";
    public const string MessageTypeExtension = "x-message-type";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag
        {
            Name = InboundEndpoints.Tag,
            Description = "What national systems push to the hub, one path per partner and message type, each signed (see the security schemes).",
        });

        var partners = inbound.Value.Partners.Where(p => p.Value.Enabled).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var dedicatedTypes = dedicated.ToDictionary(d => d.MessageType, d => d.Path, StringComparer.Ordinal);
        var templates = new List<string> { InboundEndpoints.Path };
        templates.AddRange(dedicatedTypes.Values);
        foreach (var (partner, options) in partners)
        {
            foreach (var (type, typeOptions) in options.MessageTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var template = dedicatedTypes.TryGetValue(type, out var own) ? own : InboundEndpoints.Path;
                if (document.Paths?.TryGetValue(template, out var generic) != true || generic!.Operations is null)
                {
                    continue;
                }

                var schemaName = InboundMessageSchema.ComponentName(partner, type);
                document.Components.Schemas[schemaName] = InboundMessageSchema.Create(partner, type, typeOptions);
                var path = template.Replace("{partner}", Uri.EscapeDataString(partner), StringComparison.Ordinal)
                    .Replace("{messageType}", Uri.EscapeDataString(type), StringComparison.Ordinal);
                var item = new OpenApiPathItem { Operations = [] };
                foreach (var (method, operation) in generic.Operations)
                {
                    item.Operations[method] = ForPartner(document, operation, partner, type, schemaName);
                }

                document.Paths[path] = item;
            }
        }

        // The templates themselves are gone: a partner pushes to its own paths, and the types it may send are listed there.
        foreach (var template in templates)
        {
            document.Paths?.Remove(template);
        }

        // A tag no operation names any more (the default one of a module's push endpoint) would list an empty group.
        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [];
        // The partners' group first (what a partner opens the page for), then the admin API's groups by name.
        var used = operations.SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Name).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(document.Tags
            .Where(t => used.Contains(t.Name))
            .OrderBy(t => t.Name == InboundEndpoints.Tag ? 0 : 1)
            .ThenBy(t => t.Name, StringComparer.Ordinal));
        return Task.CompletedTask;
    }

    private static OpenApiOperation ForPartner(OpenApiDocument document, OpenApiOperation template, string partner, string type, string schemaName)
    {
        var operation = new OpenApiOperation(template)
        {
            OperationId = $"{template.OperationId}.{partner}.{type}",
            Summary = $"{partner}: {type}" + (template.Summary is { Length: > 0 } summary ? $" — {summary}" : string.Empty),
            Tags = new HashSet<OpenApiTagReference> { new(InboundEndpoints.Tag, document) },
            Parameters = template.Parameters?.Where(p => p.In != ParameterLocation.Path || p.Name is not ("partner" or "messageType")).ToList(),
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A `{type}` message of `{partner}`, signed as the security schemes say.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(schemaName, document) },
                },
            },
        };
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[PartnerExtension] = new JsonNodeExtension(JsonValue.Create(partner));
        operation.Extensions[MessageTypeExtension] = new JsonNodeExtension(JsonValue.Create(type));
        if (operation.Parameters is { Count: 0 })
        {
            operation.Parameters = null;
        }

        return operation;
    }
}
