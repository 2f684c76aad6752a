using System.Text;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A status message as edXML text, for feeds that carry statuses inline.</summary>
public static class StatusXml
{
    public static async Task<string> WriteAsync(EdXmlStatus status, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await new EdXmlStatusWriter().WriteAsync(status, buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
