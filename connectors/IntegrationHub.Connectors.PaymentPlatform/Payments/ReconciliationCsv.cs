using System.Globalization;
using System.Text;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>A reconciliation as CSV for the finance office: UTF-8 with a byte-order mark so Excel shows Vietnamese
/// text correctly, mismatches first.</summary>
public static class ReconciliationCsv
{
    public static byte[] Write(ReconciliationReport report)
    {
        var text = new StringBuilder();
        text.Append("kind,ma_tham_chieu,ma_ho_so,hub_amount,platform_amount,hub_status,platform_status,ma_giao_dich\r\n");
        foreach (var item in report.Items)
        {
            text.AppendJoin(',', new[]
            {
                item.Kind, item.MaThamChieu, item.MaHoSo, item.HubAmount?.ToString(CultureInfo.InvariantCulture),
                item.PlatformAmount?.ToString(CultureInfo.InvariantCulture), item.HubStatus, item.PlatformStatus, item.MaGiaoDich,
            }.Select(Field));
            text.Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Quote what CSV needs quoted, and defuse text a spreadsheet would run as a formula.
        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 || safe != value ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
