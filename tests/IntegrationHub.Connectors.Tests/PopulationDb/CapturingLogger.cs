using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.Tests.PopulationDb;

/// <summary>Keeps every formatted log line (and its exception's message) for assertions.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join(Environment.NewLine, Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} [{structured}] {exception?.Message}");
    }
}
