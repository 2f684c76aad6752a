using System.Net.Sockets;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Whose fault a routing failure is. The message's, when PostgreSQL refuses its data: SQLSTATE class 22 data
/// exception, 23 constraint, 54 limit (a key too long to index), 44 with check option, P0 raised by a trigger or rule,
/// 09/27 triggered action, 20/21 case or cardinality, 2F/38/39 from a function, 10 XQuery; and when the hub's own code
/// refuses the record. Such a failure is narrowed down to the one message that causes it, which is parked, and the rest
/// flows on: no single row can stop the router. Anything else PostgreSQL says is systemic: the database or the link to it
/// is in trouble (08 connection, 40 rollback or deadlock, 53 resources, 55 lock or object state, 57 shutdown, 58 system,
/// XX internal), or the hub's schema or rights are wrong (42 a missing or renamed table, a revoked grant; 0A, 25, 28,
/// 3D, 3F, F0), which would fail every message alike; so is a lost connection. Then the batch is put back, routing
/// pauses with a log line, and readiness shows the stall: nothing is parked for a fault that is not the message's.</summary>
public static class InboxRoutingFailure
{
    private const int MaxErrorLength = 2000;
    // Npgsql's placeholder for a detail it withholds (no "Include Error Detail" in the connection string).
    private const string RedactedDetail = "Detail redacted";

    // Listed as the message's fault, not the other way round: an error class not foreseen here pauses routing (visible,
    // resumes by itself) instead of parking every message one by one.
    private static readonly string[] MessageFaultClasses = ["09", "10", "20", "21", "22", "23", "27", "2F", "38", "39", "44", "54", "P0"];

    public static bool IsMessageFault(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        PostgresException postgres => IsMessageFault(postgres.SqlState),
        NpgsqlException or TimeoutException or IOException or SocketException or ObjectDisposedException => false,
        _ => true,
    };

    /// <summary>True when PostgreSQL refused the message's data (see the class comment for the SQLSTATE classes).</summary>
    public static bool IsMessageFault(string sqlState) =>
        sqlState.Length == 5 && MessageFaultClasses.Contains(sqlState[..2], StringComparer.Ordinal);

    /// <summary>True for an exception of the hub's own code (not PostgreSQL, not the link to it).</summary>
    public static bool IsHubCodeFault(Exception exception) => IsMessageFault(exception) && exception is not NpgsqlException;

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
