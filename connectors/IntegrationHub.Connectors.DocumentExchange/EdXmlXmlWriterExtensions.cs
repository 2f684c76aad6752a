using System.Xml;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Small element-writing helpers shared by the document and status writers; every element is in the edXML namespace.</summary>
internal static class EdXmlXmlWriterExtensions
{
    /// <summary>WriteEndDocumentOnClose is off: when writing fails part-way (an attachment source throws), disposing the
    /// writer must not close the open elements, or the body would end as a complete envelope holding a partial
    /// attachment. Only the explicit WriteEndDocument of a successful write completes the document.</summary>
    public static XmlWriterSettings Settings() => new()
    {
        Async = true,
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
        WriteEndDocumentOnClose = false,
    };

    public static Task StartAsync(this XmlWriter writer, string name) =>
        writer.WriteStartElementAsync(null, name, EdXmlNames.Namespace);

    public static Task ElementAsync(this XmlWriter writer, string name, string value) =>
        writer.WriteElementStringAsync(null, name, EdXmlNames.Namespace, value);

    /// <summary>Absent optional values are left out rather than written empty, so the reader gives back null.</summary>
    public static Task OptionalAsync(this XmlWriter writer, string name, string? value) =>
        value is null ? Task.CompletedTask : writer.ElementAsync(name, value);

    public static async Task OrganizationAsync(this XmlWriter writer, string name, EdXmlOrganization organ)
    {
        await writer.StartAsync(name);
        await writer.ElementAsync("OrganId", organ.OrganId);
        await writer.ElementAsync("OrganName", organ.OrganName);
        await writer.OptionalAsync("OrganInCharge", organ.OrganInCharge);
        await writer.OptionalAsync("OrganAdd", organ.OrganAdd);
        await writer.OptionalAsync("Email", organ.Email);
        await writer.OptionalAsync("Telephone", organ.Telephone);
        await writer.OptionalAsync("Fax", organ.Fax);
        await writer.OptionalAsync("Website", organ.Website);
        await writer.WriteEndElementAsync();
    }
}
