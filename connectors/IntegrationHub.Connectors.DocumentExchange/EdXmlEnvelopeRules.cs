namespace IntegrationHub.Connectors.DocumentExchange;

/// <summary>The rules the reader enforces, checked before writing too, so the hub never emits an envelope it would reject.</summary>
internal static class EdXmlEnvelopeRules
{
    public static void Check(EdXmlEnvelope envelope)
    {
        var header = envelope.Header;
        CheckFrom(header.From);
        if (header.To.Count == 0 || header.To.Any(to => string.IsNullOrWhiteSpace(to.OrganId)))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingTo, "MessageHeader needs at least one To organisation, each with an OrganId.");
        }

        if (string.IsNullOrWhiteSpace(header.DocumentId))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingDocumentId, "MessageHeader has no DocumentId.");
        }

        var duplicate = envelope.Attachments.GroupBy(a => a.Info.ContentId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new EdXmlException(EdXmlErrorCodes.ManifestMismatch, $"ContentId '{duplicate.Key}' is used by more than one attachment.");
        }

        if (envelope.Attachments.Any(a => string.IsNullOrWhiteSpace(a.Info.ContentId)))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingField, "Every attachment needs a ContentId.");
        }
    }

    public static void CheckFrom(EdXmlOrganization? from)
    {
        if (from is null || string.IsNullOrWhiteSpace(from.OrganId))
        {
            throw new EdXmlException(EdXmlErrorCodes.MissingFrom, "The message has no From organisation with an OrganId.");
        }
    }
}
