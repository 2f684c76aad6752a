using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "National Portal sandbox listening on {Address} with {ProcedureCount} procedures")]
    public static partial void Started(ILogger logger, Uri address, int procedureCount);
}
