using IntegrationHub.Connectors.NationalPortal.Protocol;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.NationalPortal.Sandbox.Dossiers;

/// <summary>The sandbox portal's dossiers and progress and its counters; the idempotency keys applied are in the
/// sandbox's book (streams <c>dossiers</c> and <c>progress</c>). One lock over plain dictionaries: every operation is a
/// few lookups, so this stays fast at 100,000 dossiers under Kestrel's concurrency, and the state a test reads is always
/// consistent.</summary>
internal sealed class SandboxDossierStore(SandboxIdempotencyBook writes, int rejectEveryNth)
{
    private const string DossiersStream = NationalPortalConnector.DossiersStream;
    private const string ProgressStream = NationalPortalConnector.ProgressStream;

    private const int MaxViolationSamples = 50;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SandboxDossier> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private readonly List<string> _violationSamples = [];
    private int _rejectEveryNth = rejectEveryNth;
    private int _progressEntries;
    private int _violations;
    private int _updates;
    private int _lookupCalls;
    private int _dossierCalls;
    private int _progressCalls;

    public int RejectEveryNth
    {
        get { lock (_lock) { return _rejectEveryNth; } }
        set { lock (_lock) { _rejectEveryNth = value; } }
    }

    public void CountCall(string service)
    {
        lock (_lock)
        {
            switch (service)
            {
                case NationalPortalProtocol.LookupDossierService:
                    _lookupCalls++;
                    break;
                case NationalPortalProtocol.PushDossierService:
                    _dossierCalls++;
                    break;
                default:
                    _progressCalls++;
                    break;
            }
        }
    }

    public SandboxDossierItem? Find(string maHoSo)
    {
        lock (_lock)
        {
            return _dossiers.TryGetValue(maHoSo, out var dossier) ? dossier.Latest : null;
        }
    }

    public NationalPortalDossierView? View(string maHoSo)
    {
        lock (_lock)
        {
            return _dossiers.TryGetValue(maHoSo, out var dossier) ? dossier.ToView() : null;
        }
    }

    /// <summary>Counts an item of <paramref name="stream"/> refused before it reached the store (validation).</summary>
    public ItemVerdict Refused(string stream, ItemVerdict verdict)
    {
        lock (_lock)
        {
            writes.Record(stream, null, SandboxWriteOutcome.Refused);
            return Reject(verdict.Code, verdict.Message);
        }
    }

    /// <summary>A dossier that reached the portal some other way (filed on the portal itself, another system).</summary>
    public void Seed(SandboxDossierItem item)
    {
        lock (_lock)
        {
            if (!_dossiers.TryAdd(item.MaHoSo, new SandboxDossier(item)))
            {
                throw new InvalidOperationException($"The sandbox already has dossier {item.MaHoSo}.");
            }
        }
    }

    public ItemVerdict Push(SandboxDossierItem item, bool isUpdating)
    {
        var code = item.MaHoSo;
        lock (_lock)
        {
            if (IsDuplicate(DossiersStream, item.IdempotencyKey))
            {
                return ItemVerdict.Ok($"Hồ sơ {code} đã được đồng bộ trước đó (trùng IdempotencyKey), không thay đổi");
            }

            var verdict = PushLocked(item, isUpdating);
            writes.Record(DossiersStream, item.IdempotencyKey, verdict.Succeeded ? SandboxWriteOutcome.Applied : SandboxWriteOutcome.Refused);
            return verdict;
        }
    }

    private ItemVerdict PushLocked(SandboxDossierItem item, bool isUpdating)
    {
        var code = item.MaHoSo;
        if (NationalPortalRejectRule.Rejects(_rejectEveryNth, code))
        {
            return Reject(NationalPortalProtocol.RejectedByRule, "Hồ sơ không hợp lệ theo quy tắc kiểm tra");
        }

        var exists = _dossiers.TryGetValue(code, out var dossier);
        if (exists && !isUpdating)
        {
            return Reject(NationalPortalProtocol.DossierExists, $"Hồ sơ {code} đã tồn tại trên Cổng DVCQG; gửi lại với isUpdating = true để cập nhật");
        }

        if (dossier is null)
        {
            if (isUpdating)
            {
                return Reject(NationalPortalProtocol.DossierNotFound, $"Không tìm thấy hồ sơ {code} để cập nhật");
            }

            _dossiers[code] = new SandboxDossier(item);
        }
        else
        {
            var from = dossier.Latest.TrangThaiHoSo;
            if (!DossierStatusTransitions.IsAllowed(from, item.TrangThaiHoSo))
            {
                Violation(dossier, $"{code}: status {from} -> {item.TrangThaiHoSo} refused");
                return Reject(NationalPortalProtocol.InvalidTransition, $"Không thể chuyển trạng thái hồ sơ {code} từ {from} sang {item.TrangThaiHoSo}");
            }

            dossier.Update(item);
            _updates++;
        }

        return ItemVerdict.Ok(isUpdating ? $"Cập nhật hồ sơ {code} thành công" : $"Thêm mới hồ sơ {code} thành công");
    }

    public ItemVerdict AddProgress(SandboxProgressItem step)
    {
        lock (_lock)
        {
            if (IsDuplicate(ProgressStream, step.IdempotencyKey))
            {
                return ItemVerdict.Ok($"Bước {step.Stt} của hồ sơ {step.MaHoSo} đã được cập nhật trước đó (trùng IdempotencyKey), không thay đổi");
            }

            if (!_dossiers.TryGetValue(step.MaHoSo, out var dossier))
            {
                writes.Record(ProgressStream, step.IdempotencyKey, SandboxWriteOutcome.Refused);
                return Reject(NationalPortalProtocol.DossierNotFound, $"Không tìm thấy hồ sơ {step.MaHoSo}; cần đồng bộ hồ sơ trước khi cập nhật tiến độ");
            }

            // Accepted, as a portal would, but counted: the hub promised every dossier's steps in order, once each.
            if (dossier.Progress.Count > 0 && step.Stt != dossier.Progress[^1].Stt + 1)
            {
                Violation(dossier, $"{step.MaHoSo}: step {step.Stt} arrived after step {dossier.Progress[^1].Stt}");
            }

            dossier.Progress.Add(new NationalPortalProgressView(step.Stt, step.TrangThai, step.ThoiDiemXuLy));
            _progressEntries++;
            writes.Record(ProgressStream, step.IdempotencyKey, SandboxWriteOutcome.Applied);
            return ItemVerdict.Ok($"Cập nhật tiến độ hồ sơ {step.MaHoSo} thành công");
        }
    }

    public NationalPortalDossierStats Stats()
    {
        lock (_lock)
        {
            return new NationalPortalDossierStats(
                _dossiers.Count,
                _progressEntries,
                writes.Stats(DossiersStream).Repeated + writes.Stats(ProgressStream).Repeated,
                new Dictionary<string, int>(_rejected, StringComparer.Ordinal),
                _violations,
                [.. _violationSamples],
                _updates,
                _lookupCalls,
                _dossierCalls,
                _progressCalls);
        }
    }

    /// <summary>A key applied before answers success and changes nothing. Items without a key are always applied:
    /// a real portal knows nothing of the hub's keys, and the sandbox must not hide a client that forgets them. Only
    /// applied items are remembered, so a rejected item sent again after a fix is applied then.</summary>
    private bool IsDuplicate(string stream, string? key)
    {
        if (key is null || !writes.IsApplied(stream, key))
        {
            return false;
        }

        writes.Record(stream, key, SandboxWriteOutcome.Repeated);
        return true;
    }

    private ItemVerdict Reject(string code, string message)
    {
        _rejected[code] = _rejected.GetValueOrDefault(code) + 1;
        return new ItemVerdict(code, message);
    }

    private void Violation(SandboxDossier dossier, string description)
    {
        _violations++;
        dossier.OrderViolations++;
        if (_violationSamples.Count < MaxViolationSamples)
        {
            _violationSamples.Add(description);
        }
    }
}
