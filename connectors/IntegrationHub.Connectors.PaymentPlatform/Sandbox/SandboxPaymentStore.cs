using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IntegrationHub.Connectors.PaymentPlatform.Sandbox;

/// <summary>The sandbox's payments by MaThamChieu, with their pay-page tokens. Thread-safe behind one lock.</summary>
internal sealed class SandboxPaymentStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SandboxPaymentState> _byReference = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxPaymentState> _byToken = new(StringComparer.Ordinal);
    private int _transactions;

    /// <summary>Stores a new payment; the same MaThamChieu again with the same amount is the same payment (the
    /// caller's retry), with another amount a conflict.</summary>
    public SandboxInitOutcome Create(PaymentInitMessage init, Func<string, string> payUrl)
    {
        lock (_lock)
        {
            if (_byReference.TryGetValue(init.MaThamChieu, out var existing))
            {
                return existing.Init.SoTien == init.SoTien
                    ? new SandboxInitOutcome(false, existing.View(), null, null)
                    : new SandboxInitOutcome(false, null, PaymentErrorCodes.DuplicateReference,
                        $"MaThamChieu {init.MaThamChieu} already exists with SoTien {existing.Init.SoTien}.");
            }

            var token = Guid.NewGuid().ToString("N");
            var payment = new SandboxPaymentState(init, token, payUrl(token));
            _byReference.Add(init.MaThamChieu, payment);
            _byToken.Add(token, payment);
            return new SandboxInitOutcome(true, payment.View(), null, null);
        }
    }

    public PaymentPlatformSandboxPayment? Find(string maThamChieu)
    {
        lock (_lock)
        {
            return _byReference.TryGetValue(maThamChieu, out var payment) ? payment.View() : null;
        }
    }

    public bool TryFindByToken(string token, [NotNullWhen(true)] out PaymentPlatformSandboxPayment? payment)
    {
        lock (_lock)
        {
            payment = _byToken.TryGetValue(token, out var state) ? state.View() : null;
            return payment is not null;
        }
    }

    public IReadOnlyList<PaymentPlatformSandboxPayment> All()
    {
        lock (_lock)
        {
            return [.. _byReference.Values.Select(p => p.View())];
        }
    }

    /// <summary>Settles a pending payment. Settling it again the same way changes nothing (so a callback can be
    /// re-sent); the other way is refused, as a real platform never turns a paid payment into a failed one.</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    /// <exception cref="InvalidOperationException">Already settled the other way.</exception>
    public PaymentPlatformSandboxPayment Settle(string maThamChieu, bool paid, string thoiGianGD, string maNganHang)
    {
        var target = paid ? PaymentStatus.Success : PaymentStatus.Failed;
        lock (_lock)
        {
            if (!_byReference.TryGetValue(maThamChieu, out var payment))
            {
                throw new KeyNotFoundException($"The sandbox has no payment {maThamChieu}.");
            }

            if (payment.Status == target)
            {
                return payment.View();
            }

            if (payment.Status != PaymentStatus.Pending)
            {
                throw new InvalidOperationException($"Payment {maThamChieu} is already {payment.Status}.");
            }

            _transactions++;
            payment.Status = target;
            payment.SettledAt = thoiGianGD;
            payment.MaGiaoDich = string.Create(CultureInfo.InvariantCulture, $"GD{thoiGianGD[..8]}{_transactions:D6}");
            payment.MaNganHang = string.IsNullOrEmpty(payment.Init.MaNganHang) ? maNganHang : payment.Init.MaNganHang;
            payment.SoBienLai = paid ? string.Create(CultureInfo.InvariantCulture, $"BL{thoiGianGD[..8]}{_transactions:D6}") : string.Empty;
            return payment.View();
        }
    }
}
