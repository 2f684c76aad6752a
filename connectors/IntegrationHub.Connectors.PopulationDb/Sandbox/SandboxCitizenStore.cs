using System.Collections.Concurrent;
using IntegrationHub.Connectors.PopulationDb.Protocol;

namespace IntegrationHub.Connectors.PopulationDb.Sandbox;

/// <summary>The sandbox's citizens by id, in generation order, and how often each id was looked up.</summary>
internal sealed class SandboxCitizenStore
{
    private readonly ConcurrentDictionary<string, CongDan> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly ConcurrentDictionary<string, int> _lookups = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public SandboxCitizenStore(IEnumerable<CongDan> citizens)
    {
        foreach (var c in citizens)
        {
            Put(c);
        }
    }

    public int Count => _byId.Count;

    public void Put(CongDan citizen)
    {
        lock (_lock)
        {
            if (_byId.TryAdd(citizen.SoDinhDanh, citizen))
            {
                _order.Add(citizen.SoDinhDanh);
            }
            else
            {
                _byId[citizen.SoDinhDanh] = citizen;
            }
        }
    }

    public CongDan At(int index)
    {
        lock (_lock)
        {
            return _byId[_order[index]];
        }
    }

    /// <summary>Counts the lookup, then finds the citizen.</summary>
    public CongDan? Lookup(string id)
    {
        _lookups.AddOrUpdate(id, 1, (_, n) => n + 1);
        return _byId.GetValueOrDefault(id);
    }

    public int LookupCount(string id) => _lookups.GetValueOrDefault(id);
}
