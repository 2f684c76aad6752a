using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A document on the platform: its file, who sent it, and its delivery to each addressee.</summary>
internal sealed class PlatformDocument(string documentId, string senderOrganId, DateOnly promulgationDate, string code, string subject, string path, StoredEdXml? stored)
{
    public string DocumentId { get; } = documentId;

    public string SenderOrganId { get; } = senderOrganId;

    public DateOnly PromulgationDate { get; } = promulgationDate;

    /// <summary>"125/UBND-VP", as status messages quote it in ResponseFor.</summary>
    public string Code { get; } = code;

    public string Subject { get; } = subject;

    public string Path { get; } = path;

    /// <summary>Null for a planted malformed document, which was never parsed.</summary>
    public StoredEdXml? Stored { get; } = stored;

    public Dictionary<string, PlatformDelivery> Deliveries { get; } = new(StringComparer.Ordinal);

    public int TimesSent { get; set; } = 1;

    public static PlatformDocument From(StoredEdXml stored, Func<string, bool> simulated)
    {
        var header = stored.Header;
        var code = header.Code.CodeNotation.Length == 0 ? header.Code.CodeNumber : $"{header.Code.CodeNumber}/{header.Code.CodeNotation}";
        var document = new PlatformDocument(header.DocumentId, header.From.OrganId, header.PromulgationInfo.PromulgationDate, code, header.Subject, stored.Path, stored);
        foreach (var to in header.To)
        {
            document.Deliveries.TryAdd(to.OrganId, new PlatformDelivery(to.OrganId, simulated(to.OrganId)));
        }

        return document;
    }
}
