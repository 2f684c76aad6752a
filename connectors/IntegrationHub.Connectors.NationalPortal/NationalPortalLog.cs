using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.NationalPortal;

/// <summary>The connector's log messages (source-generated, structured). Options are never logged: they hold the password.</summary>
internal static partial class NationalPortalLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Reading procedures from {BaseUrl} starting at page {Page}")]
    public static partial void ReadStarted(ILogger logger, string? baseUrl, int page);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Read procedures page {Page}: {Count} of {Total}")]
    public static partial void PageRead(ILogger logger, int page, int count, int total);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Procedures pass complete at page {Page} ({Total} procedures); the next run starts over")]
    public static partial void PassCompleted(ILogger logger, int page, int total);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "National Portal session expired during {Service}; logging in again")]
    public static partial void SessionExpired(ILogger logger, string service);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Writing {Count} messages to stream {Stream}")]
    public static partial void WriteStarted(ILogger logger, string stream, int count);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Dossier {MaHoSo} already existed on the portal; sending it again as an update")]
    public static partial void DossierAlreadyExisted(ILogger logger, string maHoSo);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Wrote {Count} messages to stream {Stream}: {Failed} failed")]
    public static partial void WriteCompleted(ILogger logger, string stream, int count, int failed);
}
