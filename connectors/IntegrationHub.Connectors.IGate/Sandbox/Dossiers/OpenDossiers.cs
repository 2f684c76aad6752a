namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The dossiers that can still change, for drawing one at random in O(1) (remove swaps in the last).</summary>
internal sealed class OpenDossiers
{
    private readonly List<string> _codes = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    public void Add(string maHoSo)
    {
        _index[maHoSo] = _codes.Count;
        _codes.Add(maHoSo);
    }

    public void Remove(string maHoSo)
    {
        if (!_index.Remove(maHoSo, out var index))
        {
            return;
        }

        var last = _codes[^1];
        _codes.RemoveAt(_codes.Count - 1);
        if (index < _codes.Count)
        {
            _codes[index] = last;
            _index[last] = index;
        }
    }

    public string Draw(Random random) => _codes[random.Next(_codes.Count)];
}
