using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>A document iDesk sent out: its file, feed position, and what its addressees reported.</summary>
internal sealed class OutgoingDocument(long seq, StoredEdXml stored)
{
    public long Seq { get; } = seq;

    public StoredEdXml Stored { get; } = stored;

    /// <summary>"sent", then the last status reported (e.g. "03"), "recall_requested", "recalled", "recall_refused".</summary>
    public string State { get; set; } = "sent";

    public List<string> StatusesReceived { get; } = [];
}
