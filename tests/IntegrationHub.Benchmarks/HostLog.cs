namespace IntegrationHub.Benchmarks;

/// <summary>The host's stdout and stderr, line by line, in a file; read back for its tail and its warnings.</summary>
internal sealed class HostLog(string path) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private bool _closed;

    public string Path => path;

    public void Append(string? line)
    {
        lock (_lock)
        {
            if (line is not null && !_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_lock)
        {
            return File.ReadLines(path).TakeLast(count).ToList();
        }
    }

    /// <summary>Console-logger entries at warn, fail or crit, each with the message line after its header.</summary>
    public IReadOnlyList<string> Problems()
    {
        lock (_lock)
        {
            var lines = File.ReadAllLines(path);
            return [.. lines.Select((line, i) => (line, i))
                .Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .Select(l => l.i + 1 < lines.Length ? $"{l.line} {lines[l.i + 1].Trim()}" : l.line)];
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
