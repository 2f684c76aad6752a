using System.Globalization;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>The lookup audit and the reveal audit as lines of their exports: what the page shows, times in ICT, personal
/// ids masked as on screen (also for an auditor: a full id is only ever given by an audited reveal).</summary>
public static class CitizenLookupCsv
{
    public static IReadOnlyList<string> LookupHeader { get; } =
        ["lookup_id", "requested_at_ict", "requested_by", "flow", "message_id", "dossier", "personal_id", "outcome", "differing_fields", "failure_code", "duration_ms", "reveals"];

    public static IReadOnlyList<string> RevealHeader { get; } =
        ["reveal_id", "lookup_id", "revealed_at_ict", "revealed_by", "reason", "dossier", "personal_id"];

    public static IReadOnlyList<string?> Lookup(CitizenLookup lookup) =>
    [
        Number(lookup.Id), HubHtml.Time(lookup.RequestedAt), lookup.RequestedBy, lookup.FlowId, lookup.MessageId is { } message ? Number(message) : null,
        lookup.Dossier, lookup.PersonalIdMasked, lookup.Outcome, string.Join("; ", lookup.DifferingFields), lookup.FailureCode,
        Number(lookup.DurationMs), Number(lookup.Reveals),
    ];

    public static IReadOnlyList<string?> Reveal(CitizenRevealAudit audit) =>
    [
        Number(audit.Reveal.Id), Number(audit.Reveal.LookupId), HubHtml.Time(audit.Reveal.RevealedAt), audit.Reveal.RevealedBy,
        PersonalIdMask.MaskAll(audit.Reveal.Reason), audit.Dossier, audit.PersonalIdMasked,
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
