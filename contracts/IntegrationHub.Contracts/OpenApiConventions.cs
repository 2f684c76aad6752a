using Microsoft.AspNetCore.Builder;

namespace IntegrationHub.Contracts;

/// <summary>What an endpoint (or a group of endpoints) tells the hub's OpenAPI document beyond what its handler's
/// signature says: the problem codes it answers, the JSON body it reads itself.</summary>
public static class OpenApiConventions
{
    /// <example><c>group.MapGet("/payments", ...).ProducesProblemCodes(400, "selection_required")</c></example>
    public static TBuilder ProducesProblemCodes<TBuilder>(this TBuilder builder, int statusCode, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemResponse(statusCode, codes));

    /// <summary>Documents the JSON body a handler reads from the request itself. Unlike <c>Accepts&lt;T&gt;</c> it does
    /// not make routing refuse other media types, so the handler's own answer to them (its 415, the payment platform's
    /// reply shape) stays as it is.</summary>
    public static RouteHandlerBuilder ReadsJsonBody<TBody>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new JsonRequestBody(typeof(TBody)));
}
