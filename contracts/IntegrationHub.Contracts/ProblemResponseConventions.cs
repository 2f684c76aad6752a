using Microsoft.AspNetCore.Builder;

namespace IntegrationHub.Contracts;

/// <summary>Declares the problem codes an endpoint (or a group of endpoints) answers, for the OpenAPI document.</summary>
public static class ProblemResponseConventions
{
    /// <example><c>group.MapGet("/payments", ...).ProducesProblemCodes(400, "selection_required")</c></example>
    public static TBuilder ProducesProblemCodes<TBuilder>(this TBuilder builder, int statusCode, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemResponse(statusCode, codes));
}
