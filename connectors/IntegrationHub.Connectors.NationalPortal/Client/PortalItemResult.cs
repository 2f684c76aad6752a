namespace IntegrationHub.Connectors.NationalPortal.Client;

/// <summary>The portal's answer for one item of a write call.</summary>
internal sealed record PortalItemResult(string ErrorCode, string Message);
