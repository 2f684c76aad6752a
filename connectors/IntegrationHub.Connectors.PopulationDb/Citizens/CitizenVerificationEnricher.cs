using IntegrationHub.Contracts;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary><c>citizen-verification</c>: checks an iGate dossier's applicant (a citizen: loaiDoiTuong 1) against the
/// population database and turns the dossier into the citizen check iGate records. Each declaration (id, name, date of
/// birth) of a dossier is looked up once: a retried delivery of the same message reuses its recorded answer, a later
/// version of the dossier with the same declaration as the last one verified is skipped, a changed declaration is
/// verified again. Every lookup, failed ones included, is audited before its answer is used.</summary>
public sealed class CitizenVerificationEnricher(
    AuditedCitizenLookup lookup,
    CitizenLookupStore lookups,
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
        var query = new CitizenQuery(applicant.SoDinhDanh, applicant.ChuHoSo, applicant.NgaySinh, MaDVC: applicant.MaTTHC, MaYeuCau: applicant.MaHoSo);
        if (await lookups.LatestVerifiedAsync(applicant.MaHoSo, cancellationToken) is { } earlier && earlier.DeclaredHash == lookup.DeclaredHash(query))
        {
            return earlier.MessageId == message.MessageId
                ? EnrichmentOutcome.Enriched(earlier.Result)
                : EnrichmentOutcome.Skip($"{applicant.MaHoSo}'s applicant was verified already (lookup {earlier.Id})");
        }

        AuditedVerification answer;
        try
        {
            answer = await lookup.VerifyAsync(new CitizenLookupRequest(query, $"flow:{flowId}", flowId, message.MessageId, applicant.MaHoSo), cancellationToken);
        }
        catch (ConnectorException e)
        {
            return EnrichmentOutcome.Failed(e.Failure);
        }

        // Per record, and kept in the lookup audit (hub.citizen_lookups): routine, so below Information.
        logger.LogDebug("Applicant of {MaHoSo} ({SoDinhDanh}) verified for flow {FlowId}: {Outcome}",
            applicant.MaHoSo, PersonalIdMask.Mask(applicant.SoDinhDanh), flowId, CitizenCheckPayload.Outcome(answer.Verification.Kind));
        return EnrichmentOutcome.Enriched(answer.Result);
    }
}
