using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox.Dossiers;

/// <summary>The sandbox's dossiers and their progress, behind one lock: every change updates the dossier, appends its
/// progress entry and enters both change logs at one timestamp, so readers never see half a change.</summary>
internal sealed class DossierStore(TimeProvider timeProvider, int seed, IGateApplicantOptions applicants)
{
    private readonly Lock _lock = new();
    private readonly DossierFactory _factory = new(seed, applicants);
    private readonly Dictionary<string, DossierState> _dossiers = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];
    private readonly OpenDossiers _open = new();
    private readonly Dictionary<string, int> _byStatus = new(StringComparer.Ordinal);
    private readonly SandboxChangeLog<DossierRecord> _dossierChanges = new();
    private readonly SandboxChangeLog<ProgressRecord> _progressChanges = new();
    private int _progressEntries;
    private int _statusChanges;

    /// <summary>Creates <paramref name="count"/> dossiers, then walks them in rounds (one change each per round, as
    /// a busy office would) through <paramref name="changes"/> transitions, or a random 0..changes of them each when
    /// not <paramref name="exact"/>. A dossier that reaches a final status stops early.</summary>
    public IReadOnlyList<string> Generate(int count, int changes, bool exact)
    {
        lock (_lock)
        {
            var created = new string[count];
            var targets = new int[count];
            for (var i = 0; i < count; i++)
            {
                created[i] = CreateLocked();
                targets[i] = exact ? changes : _factory.Random.Next(changes + 1);
            }

            for (var round = 0; round < changes; round++)
            {
                for (var i = 0; i < count; i++)
                {
                    if (round < targets[i] && AdvanceLocked(created[i]) is null)
                    {
                        targets[i] = 0;
                    }
                }
            }

            return created;
        }
    }

    /// <exception cref="KeyNotFoundException">No such dossier.</exception>
    /// <exception cref="InvalidOperationException">The dossier's status is final.</exception>
    public string Advance(string maHoSo)
    {
        lock (_lock)
        {
            if (!_dossiers.TryGetValue(maHoSo, out var state))
            {
                throw new KeyNotFoundException($"iGate has no dossier '{maHoSo}'.");
            }

            return AdvanceLocked(maHoSo)
                ?? throw new InvalidOperationException($"Dossier '{maHoSo}' is {state.Current.TrangThai}, a final status: nothing follows it.");
        }
    }

    /// <summary>Advances up to <paramref name="count"/> dossiers drawn at random among those still open.</summary>
    public IReadOnlyList<string> AdvanceSome(int count)
    {
        lock (_lock)
        {
            var advanced = new List<string>(count);
            for (var i = 0; i < count && _open.Count > 0; i++)
            {
                var maHoSo = _open.Draw(_factory.Random);
                AdvanceLocked(maHoSo);
                advanced.Add(maHoSo);
            }

            return advanced;
        }
    }

    public (IReadOnlyList<DossierRecord> Items, bool HasMore) DossierChanges(long? sinceTicks, string? afterId, int limit)
    {
        lock (_lock)
        {
            return _dossierChanges.Read(sinceTicks, afterId, limit, d => ReferenceEquals(_dossiers[d.MaHoSo].Current, d));
        }
    }

    public (IReadOnlyList<ProgressRecord> Items, bool HasMore) ProgressChanges(long? sinceTicks, string? afterId, int limit)
    {
        lock (_lock)
        {
            return _progressChanges.Read(sinceTicks, afterId, limit, static _ => true);
        }
    }

    public DossierRecord? Find(string maHoSo)
    {
        lock (_lock)
        {
            return _dossiers.GetValueOrDefault(maHoSo)?.Current;
        }
    }

    public IReadOnlyList<ProgressRecord> Steps(string maHoSo)
    {
        lock (_lock)
        {
            return _dossiers.TryGetValue(maHoSo, out var state) ? [.. state.Steps] : [];
        }
    }

    public IReadOnlyList<string> Codes()
    {
        lock (_lock)
        {
            return [.. _codes];
        }
    }

    public IGateDossierStats Stats()
    {
        lock (_lock)
        {
            return new IGateDossierStats(
                _codes.Count,
                _progressEntries,
                _statusChanges,
                _open.Count,
                new Dictionary<string, int>(_byStatus.Where(s => s.Value > 0), StringComparer.Ordinal));
        }
    }

    private string CreateLocked()
    {
        var now = Now();
        var dossier = _factory.Create(now);
        var state = new DossierState(dossier);
        _dossiers.Add(dossier.MaHoSo, state);
        _codes.Add(dossier.MaHoSo);
        _open.Add(dossier.MaHoSo);
        _byStatus[dossier.TrangThai] = _byStatus.GetValueOrDefault(dossier.TrangThai) + 1;
        Record(state, previous: null, startedAt: now, now);
        return dossier.MaHoSo;
    }

    /// <returns>The new status; null (and nothing changed) when the dossier's status is final.</returns>
    private string? AdvanceLocked(string maHoSo)
    {
        var state = _dossiers[maHoSo];
        var previous = state.Current;
        if (_factory.NextStatus(previous) is not { } status)
        {
            return null;
        }

        var now = Now();
        state.Current = DossierFactory.Advance(previous, status, now);
        _byStatus[previous.TrangThai]--;
        _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
        _statusChanges++;
        if (IGateDossierLifecycle.IsFinal(status))
        {
            _open.Remove(maHoSo);
        }

        Record(state, previous, startedAt: state.Steps[^1].RecordedAt, now);
        return status;
    }

    private void Record(DossierState state, DossierRecord? previous, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var step = _factory.Step(previous, state.Current, state.Steps.Count + 1, startedAt, now);
        state.Steps.Add(step);
        _progressEntries++;
        _dossierChanges.Append(now.UtcTicks, state.Current.MaHoSo, state.Current);
        _progressChanges.Append(now.UtcTicks, step.Id, step);
    }

    /// <summary>The clock, but never before either log's end: timestamps must not go back (a clock step back, or a
    /// run of equal timestamps a reader has already seen). Many changes may share one timestamp.</summary>
    private DateTimeOffset Now()
    {
        var ticks = Math.Max(timeProvider.GetUtcNow().UtcTicks, Math.Max(_dossierChanges.NextPosition, _progressChanges.NextPosition));
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(WorkingCalendar.Offset);
    }
}
