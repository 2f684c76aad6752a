using IntegrationHub.Contracts;
using IntegrationHub.Host.Http;
using IntegrationHub.Host.Inbound;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IntegrationHub.Host.ApiDocs;

/// <summary>Per operation: its security requirement (admin Basic or the partner's signature), and one problem+json
/// response per status with the codes it may carry — those the endpoint declares (<see cref="ProblemResponse"/>) and
/// those the hub's pipeline adds to every endpoint of its kind (login, signature, text checks, unexpected errors); and
/// the JSON body a handler reads itself (<see cref="JsonRequestBody"/>).</summary>
public sealed class HubOperationTransformer(ApiAudiences audiences) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await SchemaReferences.ForAsync(context, body.Type, cancellationToken) },
                },
            };
        }

        var audience = audiences.Of(description);
        var codes = new SortedDictionary<int, List<string>>();
        void Add(int status, IEnumerable<string> more)
        {
            var list = codes.TryGetValue(status, out var known) ? known : codes[status] = [];
            list.AddRange(more.Where(c => !list.Contains(c)));
        }

        foreach (var declared in description.ActionDescriptor.EndpointMetadata.OfType<ProblemResponse>())
        {
            Add(declared.StatusCode, declared.Codes);
        }

        switch (audience)
        {
            case ApiAudience.Admin:
                operation.Security = [ApiSecuritySchemes.AdminRequirement(context.Document)];
                Add(StatusCodes.Status401Unauthorized, [ProblemCodes.ForStatus(StatusCodes.Status401Unauthorized)]);
                // An officer without the role the endpoint's policy names (viewer for reading, operator, auditor).
                Add(StatusCodes.Status403Forbidden, [ProblemCodes.ForStatus(StatusCodes.Status403Forbidden), "role_required"]);
                Add(StatusCodes.Status429TooManyRequests, ["too_many_login_attempts"]);
                if (!HttpMethods.IsGet(description.HttpMethod ?? HttpMethods.Get))
                {
                    // CrossSiteRequestFilter guards every admin action.
                    Add(StatusCodes.Status403Forbidden, ["cross_site_request"]);
                }

                break;
            case ApiAudience.Partner:
                operation.Security = [ApiSecuritySchemes.PartnerRequirement(context.Document)];
                foreach (var (status, signed) in InboundProblemCodes.SignedMessage)
                {
                    Add(status, signed);
                }

                break;
            default:
                operation.Security = [];
                break;
        }

        if (description.ParameterDescriptions.Any(p => p.Source.Id is "Path" or "Query"))
        {
            // RequestTextMiddleware, and a value that does not bind (a date that does not parse).
            Add(StatusCodes.Status400BadRequest, [Contracts.Text.JsonTextProblem.InvalidText, ProblemCodes.ForStatus(StatusCodes.Status400BadRequest)]);
        }

        Add(StatusCodes.Status500InternalServerError, [ProblemCodes.InternalError]);
        operation.Responses ??= [];
        foreach (var (status, list) in codes)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemSchema.MediaType) != true && existing.Content?.Count > 0)
            {
                // The endpoint answers this status with a body of its own shape (the payment callback's reply).
                continue;
            }

            operation.Responses[key] = ProblemSchema.Response(context.Document, status, list);
        }
    }
}
