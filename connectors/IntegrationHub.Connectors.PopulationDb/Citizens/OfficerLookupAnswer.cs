using System.Text.Json;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The answer of <c>POST /api/citizen-lookups</c>: the audit entry's id, the personal id masked, and what the
/// population database said.</summary>
public sealed record OfficerLookupAnswer(long LookupId, string SoDinhDanh, JsonElement Check);
