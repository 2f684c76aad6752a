using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.PopulationDb;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Enrichment;

namespace IntegrationHub.Host.Citizens;

/// <summary><c>citizen-verification</c>: checks an iGate dossier's applicant (a citizen: loaiDoiTuong 1) against the
/// population database and turns the dossier into the citizen check iGate records. Each declaration (id, name, date of
/// birth) of a dossier is looked up once: a retried delivery of the same message reuses its recorded answer, a later
/// version of the dossier with the same declaration as the last one verified is skipped, a changed declaration is
/// verified again. Every lookup,
/// failed ones included, is audited before its answer is used.</summary>
public sealed class CitizenVerificationEnricher(
    ConnectorCatalog connectors,
    CitizenLookupStore lookups,
    TimeProvider timeProvider,
    ILogger<CitizenVerificationEnricher> logger) : IMessageEnricher
{
    public const string EnricherName = "citizen-verification";
    public const int CitizenApplicant = 1;

    public string Name => EnricherName;

    public IReadOnlyList<string> ConnectorIds { get; } = [PopulationDbConnector.ConnectorId];

    public async Task<EnrichmentOutcome> EnrichAsync(string flowId, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (DossierApplicant.TryRead(message.Payload, out var problem) is not { } applicant)
        {
            return EnrichmentOutcome.Failed(new ConnectorFailure(FailureKind.Permanent, "CITIZEN-CHECK-INPUT", problem!));
        }

        if (applicant.LoaiDoiTuong != CitizenApplicant)
        {
            return EnrichmentOutcome.Skip($"the applicant of {applicant.MaHoSo} is not a citizen (loaiDoiTuong {applicant.LoaiDoiTuong})");
        }

        // Compared with the dossier's latest answer only: a declaration changed and changed back is verified again,
        // so iGate never keeps the answer about a declaration the dossier no longer makes.
        var declared = DeclaredHash(applicant);
        if (await lookups.LatestVerifiedAsync(applicant.MaHoSo, cancellationToken) is { } earlier && earlier.DeclaredHash == declared)
        {
            return earlier.MessageId == message.MessageId
                ? EnrichmentOutcome.Enriched(earlier.Result)
                : EnrichmentOutcome.Skip($"{applicant.MaHoSo}'s applicant was verified already (lookup {earlier.Id})");
        }

        var population = (PopulationDbConnector)connectors.Get(PopulationDbConnector.ConnectorId);
        var query = new CitizenQuery(applicant.SoDinhDanh, applicant.ChuHoSo, applicant.NgaySinh, MaDVC: applicant.MaTTHC, MaYeuCau: applicant.MaHoSo);
        var requestedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        CitizenVerification verification;
        try
        {
            verification = await population.VerifyAsync(query, cancellationToken);
        }
        catch (ConnectorException e)
        {
            await AuditAsync(flowId, message, applicant, declared, requestedAt, started, "failed", [], e.Failure.Code, null);
            return EnrichmentOutcome.Failed(e.Failure);
        }

        var payload = CitizenCheckPayload.Build(applicant.MaHoSo, verification, requestedAt);
        var outcome = CitizenCheckPayload.Outcome(verification.Kind);
        await AuditAsync(flowId, message, applicant, declared, requestedAt, started, outcome, [.. verification.Differences.Select(d => d.Field)], null, payload);
        logger.LogInformation("Applicant of {MaHoSo} ({SoDinhDanh}) verified for flow {FlowId}: {Outcome}",
            applicant.MaHoSo, PersonalIdMask.Mask(applicant.SoDinhDanh), flowId, outcome);
        return EnrichmentOutcome.Enriched(payload);
    }

    /// <summary>Recorded with no token: a lookup that happened is audited even if the delivery is being cancelled.</summary>
    private Task AuditAsync(
        string flowId, OutboundMessage message, DossierApplicant applicant, string declared, DateTimeOffset requestedAt, long started,
        string outcome, IReadOnlyList<string> fields, string? failureCode, string? result) =>
        lookups.AddAsync(
            new CitizenLookupEntry(requestedAt, $"flow:{flowId}", flowId, message.MessageId, applicant.MaHoSo, applicant.SoDinhDanh, declared,
                outcome, fields, failureCode, (int)timeProvider.GetElapsedTime(started).TotalMilliseconds, result),
            CancellationToken.None);

    private static string DeclaredHash(DossierApplicant applicant) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{applicant.SoDinhDanh}\n{applicant.ChuHoSo}\n{applicant.NgaySinh:yyyy-MM-dd}"))));
}
