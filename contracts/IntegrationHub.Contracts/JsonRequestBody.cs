namespace IntegrationHub.Contracts;

/// <summary>Endpoint metadata: the handler reads a JSON body of <paramref name="Type"/> itself (documentation only; added
/// with <see cref="OpenApiConventions.ReadsJsonBody{TBody}"/>).</summary>
public sealed record JsonRequestBody(Type Type);
