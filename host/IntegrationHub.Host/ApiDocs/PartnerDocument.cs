using System.Text.Json.Nodes;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Inbound;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary><c>GET /openapi/partners/{partner}.json</c>, signed by that partner as a push is (an empty body): the
/// document cut down to the paths that partner may push to, their schemas, the problem schema and the signature's
/// security schemes. The whole document names every partner and message type, which the gateway tells no one who has
/// not signed (an unknown partner is answered like a wrong key), so only admins read it; each partner reads its own part.</summary>
public static class PartnerDocument
{
    public const string Path = "/openapi/partners/{partner}.json";

    public static async Task<IResult> GetAsync(
        string partner,
        HttpContext context,
        InboundAuthenticator authenticator,
        IOptions<InboundOptions> options,
        [FromKeyedServices(ApiDocsEndpoints.DocumentName)] IOpenApiDocumentProvider documents,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (authenticator.Authenticate(partner, request.Method, request.Path.Value!, request.Headers, [], out _) is { } refused)
        {
            return InboundProblem.From(refused, context, options.Value.RetryAfterSeconds);
        }

        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.AsObject();
        return Results.Text(Cut(json, partner).ToJsonString(), "application/json");
    }

    /// <summary>Keeps the partner's paths and what they refer to, transitively; drops the admin scheme and unused tags.</summary>
    public static JsonObject Cut(JsonObject document, string partner)
    {
        var paths = document["paths"]?.AsObject() ?? [];
        foreach (var (path, item) in paths.ToList())
        {
            var operations = item!.AsObject().Where(o => o.Value is JsonObject).Select(o => o.Value!.AsObject()).ToList();
            var theirs = operations.Count > 0 && operations.All(o => o[PartnerMessageTransformer.PartnerExtension]?.GetValue<string>() == partner);
            if (!theirs)
            {
                paths.Remove(path);
            }
        }

        var components = document["components"]?.AsObject();
        if (components?["schemas"] is JsonObject schemas)
        {
            var kept = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<JsonNode?>([paths]);
            while (pending.TryDequeue(out var node))
            {
                foreach (var name in References(node))
                {
                    if (kept.Add(name))
                    {
                        pending.Enqueue(schemas[name]);
                    }
                }
            }

            foreach (var name in schemas.Select(s => s.Key).Where(n => !kept.Contains(n)).ToList())
            {
                schemas.Remove(name);
            }
        }

        (components?["securitySchemes"] as JsonObject)?.Remove(ApiSecuritySchemes.AdminBasic);
        if (document["tags"] is JsonArray tags)
        {
            var used = paths.SelectMany(p => p.Value!.AsObject()).SelectMany(o => o.Value?["tags"] as JsonArray ?? []).Select(t => t!.GetValue<string>()).ToHashSet();
            foreach (var tag in tags.Where(t => !used.Contains(t?["name"]?.GetValue<string>() ?? string.Empty)).ToList())
            {
                tags.Remove(tag);
            }
        }

        return document;
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        const string prefix = "#/components/schemas/";
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        yield return target[prefix.Length..];
                    }

                    foreach (var name in References(value))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonArray array:
                foreach (var name in array.SelectMany(References))
                {
                    yield return name;
                }

                break;
        }
    }
}
