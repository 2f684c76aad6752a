using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>A document iDesk received: its file, how often it was posted, and how far officers got with it.</summary>
internal sealed class IncomingDocument(StoredEdXml stored)
{
    public StoredEdXml Stored { get; } = stored;

    /// <summary>Posts of this DocumentId, the first included (stored once whatever the count).</summary>
    public int TimesPosted { get; set; } = 1;

    public EdXmlStatusCode State { get; set; } = EdXmlStatusCode.Arrived;

    public bool Recalled { get; set; }
}
