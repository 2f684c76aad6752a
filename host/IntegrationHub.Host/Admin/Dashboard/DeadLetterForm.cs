using System.Globalization;
using System.Text;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The dead-letter filter as the dashboard carries it: query string on the page, hidden fields in the action form.
/// Dates are local days in <paramref name="Zone"/> (the dashboard's, <c>Hub:Scheduling:DefaultTimeZone</c>), <c>yyyy-MM-dd</c>; "to" is inclusive.</summary>
public sealed record DeadLetterForm(TimeZoneInfo Zone, string? Flow, string? ErrorCode, string? From, string? To, string? BusinessKey)
{
    public DeadLetterSelection Selection => new(Blank(Flow), Blank(ErrorCode), Day(From), Day(To, next: true), Blank(BusinessKey));

    /// <summary>A date that does not parse must not silently widen a replay or discard to every date.</summary>
    public bool HasDateProblem => (Blank(From) is not null && Day(From) is null) || (Blank(To) is not null && Day(To) is null);

    public static DeadLetterForm FromQuery(TimeZoneInfo zone, Func<string, string?> value) =>
        new(zone, value("flow"), value("errorCode"), value("from"), value("to"), value("businessKey"));

    public IEnumerable<(string Name, string? Value)> Fields() =>
        [("flow", Flow), ("errorCode", ErrorCode), ("from", From), ("to", To), ("businessKey", BusinessKey)];

    /// <summary>A filter field's label in the page's language.</summary>
    public static string Label(DashboardText text, string name) => name switch
    {
        "flow" => text.ColumnFlow,
        "errorCode" => text.FieldErrorCode,
        "from" => text.FieldFrom,
        "to" => text.FieldTo,
        _ => text.ColumnBusinessKey,
    };

    public void AppendHidden(StringBuilder html)
    {
        foreach (var (name, value) in Fields().Where(f => !string.IsNullOrWhiteSpace(f.Value)))
        {
            html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{E(value)}\" />");
        }
    }

    public string QueryString() => string.Join('&', Fields().Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => $"{f.Name}={Url(f.Value)}"));

    /// <summary>The filter as the admin API takes it (<c>?flow=...&amp;from=...</c>, dates as instants), for the CSV export.</summary>
    public string ApiQuery()
    {
        var selection = Selection;
        (string Name, string? Value)[] fields =
        [
            ("flow", selection.FlowId), ("errorCode", selection.ErrorCode), ("from", selection.From?.ToString("o", CultureInfo.InvariantCulture)),
            ("to", selection.To?.ToString("o", CultureInfo.InvariantCulture)), ("businessKey", selection.BusinessKey),
        ];
        var query = string.Join('&', fields.Where(f => f.Value is not null).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}"));
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The start of the local day (of the day after it, for an inclusive "to"), with the zone's offset then.</summary>
    private DateTimeOffset? Day(string? text, bool next = false)
    {
        // The calendar's first and last days have no day after, or no UTC instant in a zone ahead of UTC: not a filter.
        if (!DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ||
            day.Year is < 2 or > 9998)
        {
            return null;
        }

        var start = next ? day.AddDays(1) : day;
        return new DateTimeOffset(start, Zone.GetUtcOffset(start));
    }
}
