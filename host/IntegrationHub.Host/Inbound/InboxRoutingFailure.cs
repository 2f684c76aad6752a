using System.Net.Sockets;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Whose fault a routing failure is. Not the message's: what says the database or the link to it is in
/// trouble (SQLSTATE class 08 connection, 40 rollback such as a deadlock, 53 out of resources, 55P03 lock not available,
/// 57 shutdown or cancel, 58 system error, XX internal) or a lost connection: the batch is put back and tried later, so
/// an outage never parks good messages. Anything else (a data exception, a constraint, a trigger refusing the row, the
/// hub's code refusing the record) is narrowed down to the one message that causes it, which is parked, and the rest
/// flows on: no single row can stop the router, whatever the error.</summary>
public static class InboxRoutingFailure
{
    private const int MaxErrorLength = 2000;
    // Npgsql's placeholder for a detail it withholds (no "Include Error Detail" in the connection string).
    private const string RedactedDetail = "Detail redacted";
    private static readonly string[] DatabaseTroubleClasses = ["08", "40", "53", "57", "58", "XX"];

    public static bool IsMessageFault(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        PostgresException postgres => postgres.SqlState != PostgresErrorCodes.LockNotAvailable && !DatabaseTroubleClasses.Contains(postgres.SqlState[..2], StringComparer.Ordinal),
        NpgsqlException or TimeoutException or IOException or SocketException or ObjectDisposedException => false,
        _ => true,
    };

    /// <summary>The SQLSTATE, or the exception's type name when the hub's code refused the record.</summary>
    public static string Code(Exception exception) => exception is PostgresException postgres ? postgres.SqlState : exception.GetType().Name;

    /// <summary>What went wrong, without the SQLSTATE prefix; shown masked to operators, never logged (a detail can quote
    /// the payload).</summary>
    public static string Text(Exception exception)
    {
        var text = exception is PostgresException postgres
            ? postgres.MessageText + (postgres.Detail is { Length: > 0 } detail && !detail.StartsWith(RedactedDetail, StringComparison.Ordinal) ? " — " + detail : string.Empty)
            : exception.Message;
        text = text.Replace("\0", string.Empty, StringComparison.Ordinal);
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
