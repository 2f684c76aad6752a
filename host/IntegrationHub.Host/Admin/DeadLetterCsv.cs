using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.Storage;

namespace IntegrationHub.Host.Admin;

/// <summary>A dead letter as a line of the dead-letter export: what the page shows, times in ICT, the error masked.</summary>
public static class DeadLetterCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["message_id", "flow", "destination", "record_key", "business_key", "error_code", "error", "attempts", "dead_since_ict", "waiting_behind"];

    public static IReadOnlyList<string?> Row(DeadLetter letter) =>
    [
        letter.MessageId.ToString(CultureInfo.InvariantCulture), letter.FlowId, letter.Destination, letter.RecordKey, letter.BusinessKey,
        letter.ErrorCode, PersonalDataMask.MaskText(letter.Error), letter.Attempts.ToString(CultureInfo.InvariantCulture),
        HubHtml.Time(letter.DeadSince), letter.WaitingBehind.ToString(CultureInfo.InvariantCulture),
    ];
}
