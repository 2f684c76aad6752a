using IntegrationHub.Connectors.PaymentPlatform.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>An in-process national payment platform on 127.0.0.1: INIT / QUERY / GET_BILL on <c>POST /api/payment</c>
/// (hash-checked, idempotent by MaThamChieu and amount), a payer page, signed result callbacks to the hub, a daily
/// statement with plantable mismatches, an auto-pay demo mode, fault injection and a control surface (methods here and
/// HTTP under /sandbox). Protocol choices are listed on <see cref="SandboxProtocol"/> and <see cref="PaymentErrorCodes"/>.</summary>
public sealed class PaymentPlatformSandbox : SandboxBase<PaymentPlatformSandboxOptions>
{
    private readonly SandboxPaymentStore _store = new();
    private readonly SandboxStatement _statement;
    private readonly SandboxCallbackSender _sender;
    private readonly SandboxSettler _settler;
    private readonly SandboxProtocol _protocol;
    private readonly SandboxAutoPay _autoPay;

    /// <param name="timeProvider">Stamps settlements (ThoiGianGD) and drives auto-pay.</param>
    public PaymentPlatformSandbox(PaymentPlatformSandboxOptions options, TimeProvider timeProvider, ILogger<PaymentPlatformSandbox>? logger = null)
        : base(PaymentPlatformConnector.ConnectorId, options)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _statement = new SandboxStatement(_store);
        _sender = new SandboxCallbackSender(options);
        _settler = new SandboxSettler(options, _store, _sender, timeProvider);
        _protocol = new SandboxProtocol(options, _store, _statement);
        _autoPay = new SandboxAutoPay(options, _settler, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
        _protocol.Created += _autoPay.Schedule;
    }

    /// <summary>A copy of one payment, or null.</summary>
    public PaymentPlatformSandboxPayment? Find(string maThamChieu) => _store.Find(maThamChieu);

    public IReadOnlyList<PaymentPlatformSandboxPayment> Payments() => _store.All();

    /// <summary>The payer pays: the payment becomes TrangThaiGD 1 and, when <paramref name="sendCallback"/>, the
    /// signed callback (MaLoi "00") is POSTed to the CallbackUrl and the hub's reply recorded. Paying a paid payment
    /// again changes nothing (and may send its callback again).</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    /// <exception cref="InvalidOperationException">The payment already failed.</exception>
    public Task<SandboxSettlement> PayAsync(string maThamChieu, bool sendCallback = true, CancellationToken cancellationToken = default) =>
        _settler.SettleAsync(maThamChieu, paid: true, sendCallback, cancellationToken);

    /// <summary>The payment fails (TrangThaiGD 4; callback MaLoi "09").</summary>
    /// <exception cref="KeyNotFoundException">No such payment.</exception>
    /// <exception cref="InvalidOperationException">The payment is already paid.</exception>
    public Task<SandboxSettlement> FailAsync(string maThamChieu, bool sendCallback = true, CancellationToken cancellationToken = default) =>
        _settler.SettleAsync(maThamChieu, paid: false, sendCallback, cancellationToken);

    /// <summary>Sends the callback of a settled payment again (a duplicate the hub must take once).</summary>
    public Task<SandboxCallbackDelivery> SendCallbackAgainAsync(string maThamChieu, CancellationToken cancellationToken = default) =>
        _settler.ResendAsync(maThamChieu, cancellationToken);

    /// <summary>The genuine signed callback of a settled payment, not sent: tests alter or forge it.</summary>
    public PaymentCallback SignedCallback(string maThamChieu) => _settler.SignedCallback(maThamChieu);

    /// <summary>Every callback POSTed so far, with the hub's replies, in order.</summary>
    public IReadOnlyList<SandboxCallbackDelivery> CallbackDeliveries() => _sender.Log();

    /// <summary>Reconciliation: the statement of the line's day gains a transaction the hub does not know.</summary>
    public void PlantStatementLine(PaymentStatementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _statement.Plant(line);
    }

    /// <summary>Reconciliation: a settled payment is left out of its day's statement.</summary>
    public void DropFromStatement(string maThamChieu) => _statement.Drop(maThamChieu);

    /// <summary>Reconciliation: the statement shows another amount for this payment.</summary>
    public void AlterStatementAmount(string maThamChieu, long soTien) => _statement.AlterAmount(maThamChieu, soTien);

    /// <summary>Reconciliation: the statement shows another status for this payment.</summary>
    public void AlterStatementStatus(string maThamChieu, PaymentStatus status) => _statement.AlterStatus(maThamChieu, status);

    /// <summary>The connector talks to this sandbox with the credentials it accepts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Credentials() => [new("MaDoiTac", Options.MaDoiTac), new("SecretKey", Options.SecretKey)];

    protected override void Map(WebApplication app)
    {
        SandboxProtocolEndpoints.Map(app, _protocol, _store, _settler, () => BaseAddress ?? new Uri($"http://127.0.0.1:{Options.Port}/"));
        SandboxControlEndpoints.Map(app, _store, _settler, _sender, _statement);
    }

    protected override ValueTask OnStoppingAsync() => _autoPay.DisposeAsync();

    protected override void OnStopped() => _sender.Dispose();
}
