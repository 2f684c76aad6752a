using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>What a counterparty answered for a delivered message (its reference) can echo the citizen's id: it is stored
/// encrypted like the message's payload and errors, in the delivery and in the message log, and shown masked.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DeliveryReferenceEncryptionTests(PostgresCluster cluster)
{
    private const string Flow = "dossiers";
    private const string Destination = "national-portal:dossiers";
    private const string Answer = "Đã tiếp nhận hồ sơ H56-0001 của công dân 001089012345";

    [Fact]
    public async Task A_reference_echoing_a_personal_id_is_stored_encrypted_reads_back_and_shows_masked()
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        var payloads = new PersonalDataPayloads(PersonalDataPayloadsTests.Cipher("k1", "k1"));
        var deliveries = new DeliveryStore(db, payloads);
        var now = DateTimeOffset.UtcNow;
        await new MessageStore(db, payloads).AppendAsync(Flow, 1, [new SourceRecord("H56-0001", """{"soDinhDanh":"001089012345"}""", Version: "1")], [Destination], null, now, default);
        var claimed = Assert.Single(await deliveries.ClaimBatchAsync(Flow, Destination, 10, now, default));

        await deliveries.RecordAsync(Flow, Destination,
            [new DeliveryResult(claimed.MessageId, DeliveryStatus.Delivered, 1, null, null, null, "delivered", 5, Answer, Answer)], holdBehindDeadLetter: true, now, default);

        var reference = await ScalarAsync(db, "select reference from hub.deliveries");
        Assert.DoesNotContain("001089012345", reference, StringComparison.Ordinal);
        Assert.Contains("⟦pd1.k1.", reference, StringComparison.Ordinal);
        Assert.Equal(Answer, payloads.Unprotect(reference));
        Assert.Equal("Đã tiếp nhận hồ sơ H56-0001 của công dân 0010******45", PersonalDataMask.MaskText(reference));
        Assert.DoesNotContain("001089012345", await ScalarAsync(db, "select string_agg(coalesce(detail::text, ''), '|') from hub.message_log"), StringComparison.Ordinal);
    }

    private static async Task<string> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
