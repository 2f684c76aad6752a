using System.Globalization;
using System.Text;
using IntegrationHub.Host.Storage;
using static IntegrationHub.Contracts.HubHtml;

namespace IntegrationHub.Host.Admin.Dashboard;

/// <summary>The dead-letter filter as the dashboard carries it: query string on the page, hidden fields in the action form.
/// Dates are local (Asia/Ho_Chi_Minh) days, <c>yyyy-MM-dd</c>; "to" is inclusive.</summary>
public sealed record DeadLetterForm(string? Flow, string? ErrorCode, string? From, string? To, string? BusinessKey)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public DeadLetterSelection Selection => new(Blank(Flow), Blank(ErrorCode), Day(From), Day(To)?.AddDays(1), Blank(BusinessKey));

    /// <summary>A date that does not parse must not silently widen a replay or discard to every date.</summary>
    public string? DateProblem =>
        (Blank(From) is not null && Day(From) is null) || (Blank(To) is not null && Day(To) is null)
            ? "Dates must be written yyyy-MM-dd (local time)."
            : null;

    public static DeadLetterForm FromQuery(Func<string, string?> value) =>
        new(value("flow"), value("errorCode"), value("from"), value("to"), value("businessKey"));

    public IEnumerable<(string Name, string Label, string? Value)> Fields() =>
    [
        ("flow", "Flow", Flow),
        ("errorCode", "Error code", ErrorCode),
        ("from", "From (yyyy-MM-dd)", From),
        ("to", "To", To),
        ("businessKey", "Business key", BusinessKey),
    ];

    public void AppendHidden(StringBuilder html)
    {
        foreach (var (name, _, value) in Fields().Where(f => !string.IsNullOrWhiteSpace(f.Value)))
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

    private static DateTimeOffset? Day(string? text) =>
        DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day, VietnamOffset)
            : null;
}
