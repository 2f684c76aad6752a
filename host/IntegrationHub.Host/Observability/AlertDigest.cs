using System.Text;

namespace IntegrationHub.Host.Observability;

/// <summary>The daily digest: one mail with every alert of the last 24 hours, sent once per local day.</summary>
public sealed class AlertDigest(AlertStore alerts, AlertMailer mailer, AlertMailText text, TimeProvider timeProvider)
{
    public async Task<bool> SendAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, text.Zone).DateTime);
        if (!mailer.Enabled)
        {
            return false;
        }

        var raised = await alerts.RaisedSinceAsync(now.AddDays(-1), cancellationToken);
        var body = new StringBuilder($"Tổng hợp cảnh báo 24 giờ qua (alerts of the last 24 hours) — {day:dd/MM/yyyy}: {raised.Count}\n\n");
        foreach (var alert in raised)
        {
            body.Append(text.DigestLine(alert));
        }

        if (raised.Count == 0)
        {
            body.Append("Không có cảnh báo (no alerts).\n");
        }

        // Recorded before sending, so a retried job or a second host does not mail it twice; forgotten if the send fails.
        if (!await alerts.RecordDigestAsync(day, raised.Count, cancellationToken))
        {
            return false;
        }

        try
        {
            await mailer.SendAsync([($"[IntegrationHub] Tổng hợp cảnh báo ngày {day:dd/MM/yyyy} ({raised.Count})", body.ToString())], null, cancellationToken);
            return true;
        }
        catch
        {
            await alerts.ForgetDigestAsync(day, CancellationToken.None);
            throw;
        }
    }
}
