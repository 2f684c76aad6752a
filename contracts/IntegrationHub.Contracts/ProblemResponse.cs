namespace IntegrationHub.Contracts;

/// <summary>Endpoint metadata: the endpoint may answer <paramref name="StatusCode"/> as <c>application/problem+json</c>
/// carrying one of <paramref name="Codes"/> in its <c>code</c>. The hub's OpenAPI document lists them per response, so a
/// client can branch on codes it was told of. Added with <see cref="OpenApiConventions.ProducesProblemCodes{TBuilder}"/>.</summary>
public sealed record ProblemResponse(int StatusCode, IReadOnlyList<string> Codes);
