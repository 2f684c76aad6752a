using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Parses a status message written as <see cref="EdXmlStatusWriter"/> describes, with the same hardened
/// reader settings and error codes as <see cref="EdXmlReader"/>.</summary>
public sealed class EdXmlStatusReader
{
    public async Task<EdXmlStatus> ReadAsync(Stream input, CancellationToken cancellationToken = default)
    {
        using var reader = XmlReader.Create(input, EdXmlSafeReading.Settings());
        XElement envelope;
        try
        {
            await EdXmlSafeReading.ExpectRootAsync(reader, EdXmlNames.Envelope);
            envelope = (XElement)await XNode.ReadFromAsync(reader, cancellationToken);
            await EdXmlSafeReading.ExpectEndOfInputAsync(reader);
        }
        catch (XmlException ex)
        {
            throw EdXmlSafeReading.Map(ex);
        }

        var status = envelope.RequiredChild(EdXmlNames.Header).RequiredChild(EdXmlNames.Status);
        var from = EdXmlElementReader.Organization(status.Child("From"));
        EdXmlEnvelopeRules.CheckFrom(from);
        var responseFor = status.RequiredChild("ResponseFor");
        var staff = status.Child("StaffInfo");
        return new EdXmlStatus
        {
            ResponseFor = new EdXmlResponseFor
            {
                OrganId = responseFor.Required("OrganId"),
                Code = responseFor.Text("Code"),
                PromulgationDate = EdXmlFormat.ParseDate(responseFor.Required("PromulgationDate"), "ResponseFor/PromulgationDate"),
                DocumentId = responseFor.Required("DocumentId"),
            },
            From = from!,
            StatusCode = EdXmlFormat.ParseStatusCode(status.Required("StatusCode")),
            Description = status.Text("Description"),
            Timestamp = EdXmlFormat.ParseTimestamp(status.Required("Timestamp"), "Status/Timestamp"),
            StaffInfo = staff is null
                ? new()
                : new() { Department = staff.Text("Department"), Staff = staff.Text("Staff"), Mobile = staff.Optional("Mobile"), Email = staff.Optional("Email") },
        };
    }
}
