namespace IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

/// <summary>Makes up attachments for sandbox documents: seeded pseudo-random content generated while it is written,
/// so a 50 MB attachment costs no memory and is not all zeros.</summary>
public static class GeneratedAttachments
{
    public static IReadOnlyList<EdXmlAttachment> Create(IReadOnlyList<SandboxAttachmentSpec> specs, int seed) =>
        [.. specs.Select((spec, i) => new EdXmlAttachment
        {
            Info = new EdXmlAttachmentInfo { ContentId = $"att-{i + 1}", ContentType = spec.ContentType, AttachmentName = spec.Name },
            OpenContent = () => new SeededContentStream(spec.Size, (ulong)(seed * 7919L + i + 1)),
        })];
}
