using System.Globalization;
using System.Text;
using IntegrationHub.Contracts.Text;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>A reconciliation as CSV for the finance office: UTF-8 with a byte-order mark so Excel shows Vietnamese
/// text correctly, mismatches first; fields as <see cref="CsvText"/> writes them (quoted, formulas defused).</summary>
public static class ReconciliationCsv
{
    public static byte[] Write(ReconciliationReport report)
    {
        var text = new StringBuilder();
        text.Append("kind,ma_tham_chieu,ma_ho_so,hub_amount,platform_amount,hub_status,platform_status,ma_giao_dich\r\n");
        foreach (var item in report.Items)
        {
            CsvText.AppendLine(text,
            [
                item.Kind, item.MaThamChieu, item.MaHoSo, item.HubAmount?.ToString(CultureInfo.InvariantCulture),
                item.PlatformAmount?.ToString(CultureInfo.InvariantCulture), item.HubStatus, item.PlatformStatus, item.MaGiaoDich,
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
