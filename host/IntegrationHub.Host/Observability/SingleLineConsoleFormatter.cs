using System.Text;
using IntegrationHub.Contracts.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Host.Observability;

/// <summary>The hub's console log format: one line per entry, so a value a caller sent (a MaThamChieu with a line
/// break, a carriage return, a terminal escape) can never start a line that looks like an entry of its own. Control
/// characters in the message are written escaped (<c>\n</c>, <c>\u001b</c>); an exception follows on continuation lines
/// that all start with <c>"  | "</c>, escaped the same way.</summary>
public sealed class SingleLineConsoleFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "hub";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        var line = new StringBuilder(message.Length + 64);
        if (settings.TimestampFormat is { Length: > 0 } format)
        {
            var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            line.Append(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        line.Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ");
        if (settings.IncludeScopes && scopeProvider is not null)
        {
            scopeProvider.ForEachScope((scope, builder) => EscapedText.Append(builder, scope?.ToString()).Append(" => "), line);
        }

        EscapedText.Append(line, message);
        textWriter.Write(line.Append('\n'));
        if (logEntry.Exception is not null)
        {
            foreach (var exceptionLine in logEntry.Exception.ToString().Split('\n'))
            {
                textWriter.Write(EscapedText.Append(new StringBuilder("  | "), exceptionLine.TrimEnd('\r')).Append('\n'));
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
