using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>A step of a business key's history as a line of its export: the message it belongs to, then the step as the
/// messages page shows it (times in ICT, the detail masked, the officer and reason of an operator action, the reason masked too: an export travels further than a screen).</summary>
public static class MessageHistoryCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["message_id", "flow", "record_key", "version", "received_at_ict", "at_ict", "event", "destination", "detail", "duration_ms", "action_id", "operator", "reason"];

    public static IReadOnlyList<string?> Row(MessageHistoryStep row) =>
    [
        row.MessageId.ToString(CultureInfo.InvariantCulture), row.FlowId, row.RecordKey, row.Version, HubHtml.Time(row.ReceivedAt),
        HubHtml.Time(row.Step.At), row.Step.Event, row.Step.Destination, PersonalDataMask.MaskText(row.Step.Detail),
        row.Step.DurationMs?.ToString(CultureInfo.InvariantCulture), row.Step.ActionId?.ToString(CultureInfo.InvariantCulture), row.Step.Operator, PersonalDataMask.MaskText(row.Step.Reason),
    ];
}
