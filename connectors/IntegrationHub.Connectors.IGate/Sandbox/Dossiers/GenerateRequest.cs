namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Body of <c>POST /sandbox/dossiers/generate</c>: <c>{"dossiers":n,"statusChanges":m}</c>.</summary>
internal sealed record GenerateRequest(int? Dossiers, int? StatusChanges);
