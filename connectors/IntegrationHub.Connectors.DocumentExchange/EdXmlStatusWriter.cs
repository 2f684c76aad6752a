using System.Xml;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Writes a status message as <c>edXMLEnvelope &gt; edXMLHeader &gt; Status{ResponseFor, From, StatusCode,
/// Description, Timestamp, StaffInfo}</c>; a status has no body. StatusCode is written with two digits ("01").</summary>
public sealed class EdXmlStatusWriter
{
    public async Task WriteAsync(EdXmlStatus status, Stream output, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EdXmlEnvelopeRules.CheckFrom(status.From);
        await using var writer = XmlWriter.Create(output, EdXmlXmlWriterExtensions.Settings());
        await writer.WriteStartDocumentAsync();
        await writer.StartAsync(EdXmlNames.Envelope);
        await writer.StartAsync(EdXmlNames.Header);
        await writer.StartAsync(EdXmlNames.Status);

        await writer.StartAsync("ResponseFor");
        await writer.ElementAsync("OrganId", status.ResponseFor.OrganId);
        await writer.ElementAsync("Code", status.ResponseFor.Code);
        await writer.ElementAsync("PromulgationDate", EdXmlFormat.Date(status.ResponseFor.PromulgationDate));
        await writer.ElementAsync("DocumentId", status.ResponseFor.DocumentId);
        await writer.WriteEndElementAsync();

        await writer.OrganizationAsync("From", status.From);
        await writer.ElementAsync("StatusCode", EdXmlFormat.StatusCode(status.StatusCode));
        await writer.ElementAsync("Description", status.Description);
        await writer.ElementAsync("Timestamp", EdXmlFormat.Timestamp(status.Timestamp));

        await writer.StartAsync("StaffInfo");
        await writer.ElementAsync("Department", status.StaffInfo.Department);
        await writer.ElementAsync("Staff", status.StaffInfo.Staff);
        await writer.OptionalAsync("Mobile", status.StaffInfo.Mobile);
        await writer.OptionalAsync("Email", status.StaffInfo.Email);
        await writer.WriteEndElementAsync();

        await writer.WriteEndElementAsync();
        await writer.WriteEndElementAsync();
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }
}
