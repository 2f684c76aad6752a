using System.Globalization;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.PopulationDb.Citizens;

/// <summary>Asks the population database and audits the lookup before its answer is used — failed lookups too. The
/// one way the hub looks a citizen up, whether a flow or an officer asks.</summary>
public sealed class AuditedCitizenLookup(IServiceProvider services, CitizenLookupStore lookups, IPersonalDataCipher cipher, TimeProvider timeProvider)
{
    /// <exception cref="ConnectorException">The lookup failed (audited as failed first).</exception>
    public async Task<AuditedVerification> VerifyAsync(CitizenLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Taken when asked, as the engine takes connectors: none is built before a flow or an officer needs it.
        var population = services.GetRequiredKeyedService<PopulationDbConnector>(PopulationDbConnector.ConnectorId);
        var declared = DeclaredHash(request.Query);
        var requestedAt = timeProvider.GetUtcNow();
        var started = timeProvider.GetTimestamp();
        CitizenVerification verification;
        try
        {
            verification = await population.VerifyAsync(request.Query, cancellationToken);
        }
        catch (ConnectorException e)
        {
            await AuditAsync(request, declared, requestedAt, started, "failed", [], e.Failure.Code, null);
            throw;
        }

        var result = CitizenCheckPayload.Build(request.Dossier ?? string.Empty, verification, requestedAt);
        var id = await AuditAsync(request, declared, requestedAt, started, CitizenCheckPayload.Outcome(verification.Kind),
            [.. verification.Differences.Select(d => d.Field)], null, result);
        return new AuditedVerification(id, verification, result);
    }

    /// <summary>The keyed blind index (<see cref="IPersonalDataCipher.BlindIndex"/>) of what was declared (id, name, date
    /// of birth): a changed declaration is a different lookup. Keyed, because a plain hash of a 12-digit id, a name and
    /// a date is found again by trying the ids (10^12 hashes) for a known name and birth date: it was the id in clear.
    /// Rows audited before keep their SHA-256 (the audit is append-only); a dossier's next version is looked up once more.</summary>
    public string DeclaredHash(CitizenQuery query) =>
        cipher.BlindIndex(string.Create(CultureInfo.InvariantCulture, $"{query.SoDinhDanh.Trim()}\n{query.HoVaTen}\n{query.NgaySinh:yyyy-MM-dd}"));

    /// <summary>Recorded with no token: a lookup that happened is audited even if the caller is being cancelled.</summary>
    private Task<long> AuditAsync(
        CitizenLookupRequest request, string declared, DateTimeOffset requestedAt, long started, string outcome, IReadOnlyList<string> fields, string? failureCode, string? result) =>
        lookups.AddAsync(
            new CitizenLookupEntry(requestedAt, request.RequestedBy, request.FlowId, request.MessageId, request.Dossier, request.Query.SoDinhDanh.Trim(), declared,
                outcome, fields, failureCode, (int)timeProvider.GetElapsedTime(started).TotalMilliseconds, result),
            CancellationToken.None);
}
