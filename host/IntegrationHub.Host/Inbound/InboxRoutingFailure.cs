using System.Net.Sockets;
using Npgsql;

namespace IntegrationHub.Host.Inbound;

/// <summary>Whose fault a routing failure is. A message's own: PostgreSQL refused its data (SQLSTATE class 22 data
/// exception, 23 integrity constraint, 54 program limit such as an oversize key) or the hub's code refused the record —
/// the message is parked and the rest flows on. Anything else the database says (connection lost, shutdown, out of
/// resources, deadlock, an error in the hub's SQL) is not the message's fault: the batch is put back and tried later,
/// so an outage or a bug never parks good messages.</summary>
public static class InboxRoutingFailure
{
    private const int MaxErrorLength = 2000;
    // Npgsql's placeholder for a detail it withholds (no "Include Error Detail" in the connection string).
    private const string RedactedDetail = "Detail redacted";
    private static readonly string[] MessageClasses = ["22", "23", "54"];

    public static bool IsMessageFault(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        PostgresException postgres => MessageClasses.Contains(postgres.SqlState[..2], StringComparer.Ordinal),
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
