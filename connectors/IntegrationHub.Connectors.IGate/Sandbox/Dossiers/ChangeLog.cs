namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>What a changes endpoint serves: every change as (timestamp, id, item), kept sorted by (timestamp, id) so a
/// keyset page starts with one binary search. Timestamps never go back, so the log is append-only; only the last run of
/// equal timestamps can be out of id order, and it is sorted when a reader needs it or the clock moves on.
/// Not thread-safe: the owner holds its lock around every call.</summary>
/// <remarks>A run of equal timestamps that a reader has seen is closed: later appends get at least one tick more
/// (see <see cref="NextTicks"/>). Otherwise a change written at that timestamp with a smaller id would sort before
/// the reader's cursor and be skipped for good, which is the one way keyset pagination loses records.</remarks>
internal sealed class ChangeLog<T>
    where T : class
{
    private readonly List<Entry> _entries = [];
    private int _tailStart;
    private bool _tailSorted = true;
    private bool _tailServed;

    public int Count => _entries.Count;

    /// <summary>The earliest UTC ticks the next append may carry.</summary>
    public long NextTicks => _entries.Count == 0 ? long.MinValue : _entries[^1].Ticks + (_tailServed ? 1 : 0);

    public void Append(long ticks, string id, T item)
    {
        if (ticks < NextTicks)
        {
            throw new InvalidOperationException($"Change of '{id}' at {ticks} would go before the log's end ({NextTicks}).");
        }

        if (_entries.Count > 0 && ticks > _entries[^1].Ticks)
        {
            SortTail();
            _tailStart = _entries.Count;
            _tailServed = false;
        }
        else if (_entries.Count > 0 && _tailSorted && string.CompareOrdinal(id, _entries[^1].Id) < 0)
        {
            _tailSorted = false;
        }

        _entries.Add(new Entry(ticks, id, item));
    }

    /// <summary>Up to <paramref name="limit"/> current items after (<paramref name="sinceTicks"/>, <paramref name="afterId"/>),
    /// in (timestamp, id) order. A null <paramref name="sinceTicks"/> starts at the beginning; a null
    /// <paramref name="afterId"/> takes <paramref name="sinceTicks"/> as inclusive.</summary>
    /// <param name="isCurrent">False for an entry a later change has replaced (its item is not the latest version).</param>
    public (IReadOnlyList<T> Items, bool HasMore) Read(long? sinceTicks, string? afterId, int limit, Func<T, bool> isCurrent)
    {
        SortTail();
        var index = sinceTicks is { } since ? FirstAfter(since, afterId ?? string.Empty) : 0;
        var items = new List<T>(Math.Min(limit, 1024));
        var servedTail = sinceTicks >= TailTicks;
        for (; index < _entries.Count && items.Count < limit; index++)
        {
            if (isCurrent(_entries[index].Item))
            {
                items.Add(_entries[index].Item);
                servedTail |= index >= _tailStart;
            }
        }

        _tailServed |= servedTail && _entries.Count > 0;
        while (index < _entries.Count && !isCurrent(_entries[index].Item))
        {
            index++;
        }

        return (items, index < _entries.Count);
    }

    private long? TailTicks => _entries.Count == 0 ? null : _entries[^1].Ticks;

    private void SortTail()
    {
        if (!_tailSorted)
        {
            _entries.Sort(_tailStart, _entries.Count - _tailStart, EntryComparer.Instance);
            _tailSorted = true;
        }
    }

    /// <summary>The index of the first entry strictly after the key (the count when there is none).</summary>
    private int FirstAfter(long ticks, string id)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var entry = _entries[middle];
            var order = entry.Ticks != ticks ? entry.Ticks.CompareTo(ticks) : string.CompareOrdinal(entry.Id, id);
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

    private readonly record struct Entry(long Ticks, string Id, T Item);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static EntryComparer Instance { get; } = new();

        public int Compare(Entry x, Entry y) => string.CompareOrdinal(x.Id, y.Id);
    }
}
