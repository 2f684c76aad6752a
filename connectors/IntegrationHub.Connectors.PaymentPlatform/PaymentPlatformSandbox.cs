using System.ComponentModel.DataAnnotations;
using IntegrationHub.Connectors.PaymentPlatform.Sandbox;
using IntegrationHub.Connectors.Sandboxing;
using IntegrationHub.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>An in-process national payment platform on 127.0.0.1: INIT / QUERY / GET_BILL on <c>POST /api/payment</c>
/// (hash-checked, idempotent by MaThamChieu and amount), a payer page, signed result callbacks to the hub, a daily
/// statement with plantable mismatches, an auto-pay demo mode, fault injection and a control surface (methods here and
/// HTTP under /sandbox). Protocol choices are listed on <see cref="SandboxProtocol"/> and <see cref="PaymentErrorCodes"/>.</summary>
public sealed class PaymentPlatformSandbox : IConnectorSandbox
{
    private readonly PaymentPlatformSandboxOptions _options;
    private readonly SandboxFaultInjector _faults;
    private readonly SandboxPaymentStore _store = new();
    private readonly SandboxStatement _statement;
    private readonly SandboxCallbackSender _sender;
    private readonly SandboxSettler _settler;
    private readonly SandboxProtocol _protocol;
    private readonly SandboxAutoPay _autoPay;
    private readonly SandboxServer _server = new();

    /// <param name="timeProvider">Stamps settlements (ThoiGianGD) and drives auto-pay.</param>
    public PaymentPlatformSandbox(PaymentPlatformSandboxOptions options, TimeProvider timeProvider, ILogger<PaymentPlatformSandbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;

        // The injector keeps options.Faults itself, so changing it (here or via PUT /sandbox/faults) applies at once.
        _faults = new SandboxFaultInjector(options.Faults);
        _statement = new SandboxStatement(_store);
        _sender = new SandboxCallbackSender(options);
        _settler = new SandboxSettler(options, _store, _sender, timeProvider);
        _protocol = new SandboxProtocol(options, _store, _statement);
        _autoPay = new SandboxAutoPay(options, _settler, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
        _protocol.Created += _autoPay.Schedule;
    }

    public string ConnectorId => PaymentPlatformConnector.ConnectorId;

    /// <summary>The connector talks to this sandbox with its URL and the credentials it accepts.</summary>
    public IReadOnlyDictionary<string, string?> ConnectorSettings(Uri baseAddress) =>
        new Dictionary<string, string?> { ["BaseUrl"] = baseAddress.ToString(), ["MaDoiTac"] = _options.MaDoiTac, ["SecretKey"] = _options.SecretKey };

    /// <summary>Null until started.</summary>
    public Uri? BaseAddress => _server.BaseAddress;

    /// <summary>The live fault settings (the same instance as the options' Faults): changes apply to the next call.</summary>
    public SandboxFaultOptions Faults => _faults.Options;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        if (_server.BaseAddress is not null)
        {
            throw new InvalidOperationException("The payment platform sandbox is already started.");
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(_options, new ValidationContext(_options), problems, validateAllProperties: true))
        {
            throw new InvalidOperationException(
                $"Sandboxes:{ConnectorId} options are invalid: {string.Join(" ", problems.Select(p => p.ErrorMessage))}");
        }

        return await _server.StartAsync(_options.Port, _faults, Map, cancellationToken);
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

    public IReadOnlyDictionary<SandboxFaultKind, int> FaultCounts() => _faults.Counts();

    public async ValueTask DisposeAsync()
    {
        await _autoPay.DisposeAsync();
        await _server.DisposeAsync();
        _sender.Dispose();
    }

    private void Map(WebApplication app)
    {
        SandboxProtocolEndpoints.Map(app, _protocol, _store, _settler, () => _server.BaseAddress ?? new Uri($"http://127.0.0.1:{_options.Port}/"));
        SandboxControlEndpoints.Map(app, _store, _settler, _sender, _statement, _faults);
    }
}
