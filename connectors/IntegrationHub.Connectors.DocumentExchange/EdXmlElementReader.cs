using System.Xml.Linq;

namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>Reads child values of an already-loaded (small) header element; every name is in the edXML namespace.</summary>
internal static class EdXmlElementReader
{
    private static readonly XNamespace Ns = EdXmlNames.Namespace;

    public static XElement? Child(this XElement parent, string name) => parent.Element(Ns + name);

    public static IEnumerable<XElement> Children(this XElement parent, string name) => parent.Elements(Ns + name);

    public static string? Optional(this XElement parent, string name) => parent.Child(name)?.Value;

    public static string Text(this XElement parent, string name) => parent.Optional(name) ?? string.Empty;

    public static XElement RequiredChild(this XElement parent, string name) =>
        parent.Child(name) ?? throw Missing($"{parent.Name.LocalName}/{name}");

    public static string Required(this XElement parent, string name)
    {
        var value = parent.Optional(name);
        return string.IsNullOrWhiteSpace(value) ? throw Missing($"{parent.Name.LocalName}/{name}") : value;
    }

    public static int? OptionalNumber(this XElement parent, string name) =>
        parent.Optional(name) is { } text ? EdXmlFormat.ParseNumber(text, name) : null;

    /// <summary>An organisation, or null when the element is absent or has no OrganId (the caller picks the error code).</summary>
    public static EdXmlOrganization? Organization(XElement? element)
    {
        if (element is null || string.IsNullOrWhiteSpace(element.Optional("OrganId")))
        {
            return null;
        }

        return new EdXmlOrganization
        {
            OrganId = element.Text("OrganId"),
            OrganName = element.Text("OrganName"),
            OrganInCharge = element.Optional("OrganInCharge"),
            OrganAdd = element.Optional("OrganAdd"),
            Email = element.Optional("Email"),
            Telephone = element.Optional("Telephone"),
            Fax = element.Optional("Fax"),
            Website = element.Optional("Website"),
        };
    }

    private static EdXmlException Missing(string path) => new(EdXmlErrorCodes.MissingField, $"{path} is missing or empty.");
}
