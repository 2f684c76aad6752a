namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>Reply of the changes endpoints: <c>{"items":[...],"hasMore":bool}</c>.</summary>
internal sealed record ChangesPage<T>(IReadOnlyList<T> Items, bool HasMore);
