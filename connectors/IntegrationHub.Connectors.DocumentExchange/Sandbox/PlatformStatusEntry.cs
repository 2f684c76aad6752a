namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>A status message in the platform's feed of one agency (<paramref name="RecipientOrganId"/>), numbered.</summary>
internal sealed record PlatformStatusEntry(long Seq, string RecipientOrganId, EdXmlStatus Status);
