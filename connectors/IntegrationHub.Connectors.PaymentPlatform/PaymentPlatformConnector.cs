using IntegrationHub.Connectors.Kit;
using IntegrationHub.Connectors.PaymentPlatform.Client;
using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.PaymentPlatform;

/// <summary>The national payment platform (PhienBan 1.0.6): creates payments (INIT), asks their state (QUERY), fetches
/// receipts (GET_BILL) and the daily statement, and checks and answers the result callbacks the platform pushes to the
/// hub (the inbound stream <see cref="CallbacksStream"/>; the host receives them, this class only verifies and signs).</summary>
public sealed class PaymentPlatformConnector : ConnectorBase<PaymentPlatformOptions>
{
    public const string ConnectorId = "payment-platform";
    public const string CallbacksStream = "callbacks";

    /// <summary>A reference no payment uses: the connectivity check QUERYs it, and "not found" proves the platform
    /// answered and accepted the partner code and hash.</summary>
    private const string ProbeReference = "HUB-CONNECTIVITY-PROBE";

    private static readonly ConnectorIdentity Platform = new(ConnectorId, "The payment platform", "1.0.0", "PAYMENT");

    private readonly PaymentApiClient _api;
    private readonly TimeProvider _timeProvider;

    /// <param name="httpClient">From the host's factory, with the counterparty's resilience pipeline and no BaseAddress.</param>
    /// <param name="timeProvider">Stamps ThoiGianGD on every message.</param>
    public PaymentPlatformConnector(PaymentPlatformOptions options, HttpClient httpClient, TimeProvider timeProvider, ILogger<PaymentPlatformConnector> logger)
        : base(Platform, [new StreamSpec(CallbacksStream, StreamDirection.Inbound, "Payment results the platform calls back with; key and business key MaThamChieu.") { Key = ["MaThamChieu"] }], options, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _api = new PaymentApiClient(options, httpClient);
        Verifier = new PaymentCallbackVerifier(options.MaDoiTac, options.SecretKey);
    }

    /// <summary>Checks callbacks against this connector's partner code and secret.</summary>
    public PaymentCallbackVerifier Verifier { get; }


    /// <summary>Creates a payment and returns where to send the payer. Repeating it with the same MaThamChieu and
    /// amount returns the same URL; a different amount is refused (Permanent).</summary>
    /// <exception cref="ConnectorException">Classified failure.</exception>
    public async Task<PaymentInitResult> InitAsync(PaymentInitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfInvalid();
        var message = new PaymentInitMessage
        {
            PhienBan = Options.PhienBan,
            MaDoiTac = Options.MaDoiTac,
            MaThamChieu = request.MaThamChieu,
            SoTien = request.SoTien,
            LoaiHinhThanhToan = request.LoaiHinhThanhToan,
            MaKenhThanhToan = request.MaKenhThanhToan,
            MaThietBi = request.MaThietBi,
            NgonNgu = request.NgonNgu,
            MaTienTe = request.MaTienTe,
            MaNganHang = request.MaNganHang,
            ThongTinGiaoDich = request.ThongTinGiaoDich,
            ThoiGianGD = Now(),
            Ip = request.Ip,
            ThongTinBienLai = request.ThongTinBienLai,
        };
        message = message with { MaXacThuc = PaymentHash.Init(message, Options.SecretKey) };
        var (reply, _) = await _api.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(reply.UrlThanhToan))
        {
            throw new ConnectorException(PaymentFailures.Malformed("INIT succeeded without UrlThanhToan"));
        }

        Logger.LogInformation("Payment {MaThamChieu} of {SoTien} VND created on the platform", request.MaThamChieu, request.SoTien);
        return new PaymentInitResult(reply.UrlThanhToan, reply.MaLoi ?? PaymentErrorCodes.Success, reply.MoTaLoi ?? string.Empty);
    }

    /// <exception cref="ConnectorException">Classified failure; an unknown MaThamChieu is Permanent <c>PAYMENT-05</c>.</exception>
    public async Task<PaymentQueryResult> QueryAsync(string maThamChieu, CancellationToken cancellationToken)
    {
        var (reply, _) = await _api.SendAsync(QueryMessage(PaymentMessageTypes.Query, maThamChieu), cancellationToken).ConfigureAwait(false);
        if (reply.TrangThaiGD is not { } status || !Enum.IsDefined((PaymentStatus)status))
        {
            throw new ConnectorException(PaymentFailures.Malformed($"QUERY answered TrangThaiGD '{reply.TrangThaiGD}', expected 1, 3 or 4"));
        }

        return new PaymentQueryResult(
            reply.MaThamChieu ?? maThamChieu,
            (PaymentStatus)status,
            reply.MaGiaoDich ?? string.Empty,
            reply.SoTien ?? 0,
            reply.MaNganHang ?? string.Empty,
            reply.ThoiGianGD ?? string.Empty);
    }

    /// <exception cref="ConnectorException">Classified failure; a payment that is not paid is Permanent <c>PAYMENT-06</c>.</exception>
    public async Task<PaymentBill> GetBillAsync(string maThamChieu, CancellationToken cancellationToken)
    {
        var (reply, json) = await _api.SendAsync(QueryMessage(PaymentMessageTypes.GetBill, maThamChieu), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(reply.SoBienLai))
        {
            throw new ConnectorException(PaymentFailures.Malformed("GET_BILL succeeded without SoBienLai"));
        }

        return new PaymentBill(
            reply.SoBienLai,
            reply.MaThamChieu ?? maThamChieu,
            reply.MaGiaoDich ?? string.Empty,
            reply.SoTien ?? 0,
            reply.ThoiGianGD ?? string.Empty,
            reply.ThongTinBienLai ?? new PaymentReceiptInfo(),
            json);
    }

    /// <summary>The platform's settled transactions (paid or failed) whose ThoiGianGD falls on <paramref name="day"/>
    /// in Vietnam's time. DESIGNED, NOT FROM A SPEC (no public reconciliation format exists):
    /// <c>GET api/statement?PhienBan=..&amp;MaDoiTac=..&amp;Ngay=yyyyMMdd&amp;MaXacThuc=sha256(STATEMENT|PhienBan|MaDoiTac|Ngay|secret)</c>
    /// answering <c>{MaLoi, MoTaLoi, Ngay, DanhSach: [{MaThamChieu, MaGiaoDich, SoTien, TrangThaiGD, ThoiGianGD}]}</c>.</summary>
    public async Task<IReadOnlyList<PaymentStatementLine>> GetStatementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        ThrowIfInvalid();
        var ngay = PaymentTime.FormatDay(day);
        var reply = await _api.GetStatementAsync(
            [
                new("PhienBan", Options.PhienBan),
                new("MaDoiTac", Options.MaDoiTac),
                new("Ngay", ngay),
                new("MaXacThuc", PaymentHash.Statement(Options.PhienBan, Options.MaDoiTac, ngay, Options.SecretKey)),
            ],
            cancellationToken).ConfigureAwait(false);
        return reply.DanhSach ?? throw new ConnectorException(PaymentFailures.Malformed("the statement has no DanhSach"));
    }

    /// <summary>Whether a callback is genuine (partner code and hash, in constant time).</summary>
    public CallbackVerdict Verify(PaymentCallback callback) => Verifier.Verify(callback);

    /// <summary>The signed answer to a callback; MaLoi "00" when the hub has stored the result.</summary>
    public PaymentCallbackReply CreateReply(string maLoi, string moTaLoi)
    {
        ArgumentNullException.ThrowIfNull(maLoi);
        ArgumentNullException.ThrowIfNull(moTaLoi);
        var thoiGianGD = Now();
        return new PaymentCallbackReply(maLoi, moTaLoi, Options.MaDoiTac, thoiGianGD,
            PaymentHash.Reply(maLoi, moTaLoi, Options.MaDoiTac, thoiGianGD, Options.SecretKey));
    }

    /// <summary>QUERYs a reference no payment uses: "not found" proves the platform answered and accepted the partner
    /// code and hash.</summary>
    protected override async Task CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        try
        {
            await QueryAsync(ProbeReference, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.Failure.Code == $"PAYMENT-{PaymentErrorCodes.NotFound}")
        {
            // The expected answer.
        }
    }

    private PaymentQueryMessage QueryMessage(string loaiBanTin, string maThamChieu)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(maThamChieu);
        ThrowIfInvalid();
        var thoiGianGD = Now();
        return new PaymentQueryMessage(loaiBanTin, Options.PhienBan, Options.MaDoiTac, maThamChieu, thoiGianGD,
            PaymentHash.Query(loaiBanTin, Options.PhienBan, Options.MaDoiTac, maThamChieu, thoiGianGD, Options.SecretKey));
    }

    private string Now() => PaymentTime.Format(_timeProvider.GetUtcNow());
}
