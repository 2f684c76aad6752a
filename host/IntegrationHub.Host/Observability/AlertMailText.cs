using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Observability;

/// <summary>How an alert reads in a mail: times in the officials' local time (<c>Alerts:TimeZone</c>) and an absolute
/// link to where it is dealt with, since a mail is read away from the dashboard.</summary>
public sealed class AlertMailText(IOptions<AlertOptions> options, HubPublicAddress address)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string Body(HubAlert alert) =>
        $"{alert.Subject}\n\n{alert.Detail}\n\nMở / Open: {address.Link(alert.Page)}\n\nKind: {alert.Kind}\nRaised: {Local(alert.RaisedAt)}\nIncident: {alert.Reference}\n";

    public string DigestLine(HubAlert alert) =>
        $"- {Local(alert.RaisedAt)} [{alert.Kind}] {alert.Subject}: {alert.Detail}\n  {address.Link(alert.Page)}\n";

    /// <summary>Local time with its offset, e.g. <c>05/12/2026 09:12:00 (UTC+07:00)</c>: unambiguous without a converter.</summary>
    public string Local(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{local:dd/MM/yyyy HH:mm:ss} (UTC{sign}{offset:hh\\:mm})");
    }
}
