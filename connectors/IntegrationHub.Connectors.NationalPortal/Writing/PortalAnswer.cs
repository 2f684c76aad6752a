using IntegrationHub.Connectors.NationalPortal.Client;

namespace IntegrationHub.Connectors.NationalPortal.Writing;

/// <summary>An error_code and message, whether the portal gave them for the whole call or for one item.</summary>
internal readonly record struct PortalAnswer(string Code, string Message)
{
    public static PortalAnswer Of(PortalReply reply) => new(reply.ErrorCode, reply.Message);

    public static PortalAnswer Of(PortalItemResult result) => new(result.ErrorCode, result.Message);
}
