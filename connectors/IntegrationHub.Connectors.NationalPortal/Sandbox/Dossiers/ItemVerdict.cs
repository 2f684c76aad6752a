using IntegrationHub.Connectors.NationalPortal.Protocol;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The portal's answer for one item: an error_code and a Vietnamese message, as the portal words them.</summary>
internal readonly record struct ItemVerdict(string Code, string Message)
{
    public bool Succeeded => Code == NationalPortalProtocol.Success;

    public static ItemVerdict Ok(string message) => new(NationalPortalProtocol.Success, message);
}
