namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>
/// What a sandbox's keyset feed endpoint pages through: every change as (position, id, item), kept in (position, id)
/// order so a page starts with one binary search. The position is a sequence number (a sequence feed: one change per
/// position, empty ids) or UTC ticks (a change feed: ids order the changes of one instant). Positions never go back, so
/// the log is append-only; only the last run of equal positions can be out of id order, and it is sorted when a reader
/// needs it or the position moves on. Not thread-safe: the owner holds its lock around every call.
/// </summary>
/// <remarks>A run of equal positions a reader has seen is closed: later appends get at least one more
/// (<see cref="NextPosition"/>). Otherwise a change appended at that position with a smaller id would sort before the
/// reader's cursor and be skipped for good, which is the one way keyset pagination loses records.</remarks>
public sealed class SandboxChangeLog<T>
    where T : class
{
    private readonly List<Entry> _entries = [];
    private int _tailStart;
    private bool _tailSorted = true;
    private bool _tailServed;

    public int Count => _entries.Count;

    /// <summary>The lowest position the next append may carry.</summary>
    public long NextPosition => _entries.Count == 0 ? long.MinValue : _entries[^1].Position + (_tailServed ? 1 : 0);

    /// <exception cref="InvalidOperationException"><paramref name="position"/> is below <see cref="NextPosition"/>.</exception>
    public void Append(long position, string id, T item)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (position < NextPosition)
        {
            throw new InvalidOperationException($"Change of '{id}' at {position} would go before the log's end ({NextPosition}).");
        }

        if (_entries.Count > 0 && position > _entries[^1].Position)
        {
            SortTail();
            _tailStart = _entries.Count;
            _tailServed = false;
        }
        else if (_entries.Count > 0 && _tailSorted && string.CompareOrdinal(id, _entries[^1].Id) < 0)
        {
            _tailSorted = false;
        }

        _entries.Add(new Entry(position, id, item));
    }

    /// <summary>Up to <paramref name="limit"/> items strictly after (<paramref name="afterPosition"/>,
    /// <paramref name="afterId"/>) in (position, id) order, and whether more follow. A null
    /// <paramref name="afterPosition"/> starts at the beginning. With a null <paramref name="afterId"/> the changes at
    /// <paramref name="afterPosition"/> that have an id are included (a change feed asked "since" a time); a sequence
    /// log, whose ids are empty, reads from the next position.</summary>
    /// <param name="include">False for an entry the page leaves out (a later change replaced it, another recipient's).</param>
    public (IReadOnlyList<T> Items, bool HasMore) Read(long? afterPosition, string? afterId, int limit, Func<T, bool>? include = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        include ??= static _ => true;
        SortTail();
        var index = afterPosition is { } after ? FirstAfter(after, afterId ?? string.Empty) : 0;
        var items = new List<T>(Math.Min(limit, 1024));
        var servedTail = afterPosition >= TailPosition;
        for (; index < _entries.Count && items.Count < limit; index++)
        {
            if (include(_entries[index].Item))
            {
                items.Add(_entries[index].Item);
                servedTail |= index >= _tailStart;
            }
        }

        _tailServed |= servedTail && _entries.Count > 0;
        while (index < _entries.Count && !include(_entries[index].Item))
        {
            index++;
        }

        return (items, index < _entries.Count);
    }

    private long? TailPosition => _entries.Count == 0 ? null : _entries[^1].Position;

    private void SortTail()
    {
        if (!_tailSorted)
        {
            _entries.Sort(_tailStart, _entries.Count - _tailStart, EntryComparer.Instance);
            _tailSorted = true;
        }
    }

    /// <summary>The index of the first entry strictly after the key (the count when there is none).</summary>
    private int FirstAfter(long position, string id)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var entry = _entries[middle];
            var order = entry.Position != position ? entry.Position.CompareTo(position) : string.CompareOrdinal(entry.Id, id);
            if (order <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private readonly record struct Entry(long Position, string Id, T Item);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static EntryComparer Instance { get; } = new();

        public int Compare(Entry x, Entry y) => string.CompareOrdinal(x.Id, y.Id);
    }
}
