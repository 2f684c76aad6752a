using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Connectors.PaymentPlatform.Payments;

/// <summary>The payment workflow: INIT for a dossier's fees, settling from the platform's callback or QUERY (each
/// payment settles once, however many times it is reported), and the QUERY pass over payments whose callback never came.</summary>
public sealed class PaymentService(
    PaymentStore store,
    [FromKeyedServices(PaymentPlatformConnector.ConnectorId)] PaymentPlatformConnector platform,
    IHubInbound inbound,
    IOptions<PaymentsOptions> options,
    TimeProvider timeProvider,
    ILogger<PaymentService> logger)
{
    public async Task<PaymentInitOutcome> InitAsync(SignedInboundMessage submission, PaymentReceiptInfo receipt, long total, string clientIp, CancellationToken cancellationToken)
    {
        var payment = await store.CreateAsync(submission.PartnerId, submission.MessageId, receipt.MaHoSo, total, submission.PayloadJson,
            options.Value.ReferencePrefix, options.Value.TimeZone, timeProvider.GetUtcNow(), cancellationToken);
        // A repeated messageId must be the same request: another dossier or amount is a partner bug, not a repeat.
        if (payment.SoTien != total || payment.MaHoSo != receipt.MaHoSo)
        {
            return new PaymentInitOutcome(null, false, HubProblem.MessageIdConflict(submission.MessageId));
        }

        if (payment.Status != PaymentRecord.New)
        {
            return new PaymentInitOutcome(payment, true, null);
        }

        try
        {
            // A repeat after a failed INIT reuses the MaThamChieu: the platform answers a same-amount INIT with the same URL.
            var result = await platform.InitAsync(new PaymentInitRequest
            {
                MaThamChieu = payment.MaThamChieu,
                SoTien = total,
                ThongTinGiaoDich = $"Thanh toan phi ho so {receipt.MaHoSo}",
                Ip = clientIp,
                ThongTinBienLai = receipt,
            }, cancellationToken);
            await store.MarkCreatedAsync(payment.MaThamChieu, result.UrlThanhToan, cancellationToken);
            logger.LogInformation("Payment {MaThamChieu} for dossier {MaHoSo} created: {SoTien} VND", payment.MaThamChieu, receipt.MaHoSo, total);
            return new PaymentInitOutcome(payment with { Status = PaymentRecord.Created, UrlThanhToan = result.UrlThanhToan }, false, null);
        }
        catch (ConnectorException e)
        {
            logger.LogWarning("INIT of payment {MaThamChieu} failed: {Failure}", payment.MaThamChieu, e.Message);
            return new PaymentInitOutcome(null, false, e.Failure.Kind == FailureKind.Transient
                ? new HubProblem(503, "payment_platform_unavailable", $"The payment platform did not answer ({e.Failure.Code}); retry with the same messageId.")
                : new HubProblem(502, "payment_platform_refused", $"The payment platform refused the payment ({e.Failure.Code}); the hub's operators have the details in its log."));
        }
    }

    public async Task<SettleOutcome> SettleAsync(PaymentSettlement settlement, CancellationToken cancellationToken)
    {
        var outcome = await store.SettleAsync(settlement, timeProvider.GetUtcNow(), cancellationToken);
        if (outcome == SettleOutcome.Settled)
        {
            logger.LogInformation("Payment {MaThamChieu} {Result} (by {By}, transaction {MaGiaoDich})",
                settlement.MaThamChieu, settlement.Paid ? "paid" : "failed", settlement.SettledBy, settlement.MaGiaoDich);
            inbound.InboxWritten();
        }
        else if (outcome is SettleOutcome.AmountMismatch or SettleOutcome.Conflict)
        {
            logger.LogWarning("Payment {MaThamChieu}: {Outcome} reported by {By}; nothing changed", settlement.MaThamChieu, outcome, settlement.SettledBy);
        }

        return outcome;
    }

    public async Task<PaymentQueryRun> QueryOpenPaymentsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await store.DueForQueryAsync(timeProvider.GetUtcNow(), settings.QueryMinAge, settings.QueryMaxAge, settings.QueryBatchSize, cancellationToken);
        int paid = 0, failed = 0, pending = 0, errors = 0;
        foreach (var reference in due)
        {
            try
            {
                var result = await platform.QueryAsync(reference, cancellationToken);
                await store.MarkQueriedAsync(reference, timeProvider.GetUtcNow(), cancellationToken);
                if (result.TrangThaiGD == PaymentStatus.Pending)
                {
                    pending++;
                    continue;
                }

                var success = result.TrangThaiGD == PaymentStatus.Success;
                var outcome = await SettleAsync(new PaymentSettlement(reference, success, result.SoTien, result.MaGiaoDich, result.MaNganHang, result.ThoiGianGD, "query"), cancellationToken);
                paid += outcome == SettleOutcome.Settled && success ? 1 : 0;
                failed += outcome == SettleOutcome.Settled && !success ? 1 : 0;
            }
            catch (ConnectorException e)
            {
                errors++;
                logger.LogWarning("QUERY of payment {MaThamChieu} failed: {Failure}", reference, e.Message);
                if (e.Failure.Kind != FailureKind.Permanent)
                {
                    // The platform is unwell: the next scheduled pass tries the rest.
                    break;
                }
            }
        }

        var run = new PaymentQueryRun(due.Count, paid, failed, pending, errors);
        if (due.Count > 0)
        {
            logger.LogInformation("Payment QUERY pass: {Run}", run);
        }

        return run;
    }

    public static bool IsStorageFailure(Exception e) => e is NpgsqlException or TimeoutException;
}
