using System.Security.Cryptography;
using IntegrationHub.Contracts;
using IntegrationHub.Host.Configuration;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Host.Observability;
using IntegrationHub.Host.Storage;
using IntegrationHub.Tests.Infrastructure;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrationHub.Tests.Evidence;

/// <summary>A migrated database with the evidence log's parts wired as the hub wires them, and a message's life
/// written by the hub's own stores: two records pulled with a checkpoint, a failed attempt that dead-letters one, the
/// other delivered with the counterparty's reference, the dead letter replayed by an officer with a reason.</summary>
public sealed class EvidenceRig : IAsyncDisposable
{
    public const string Flow = "dossiers";
    public const string Destination = "igate";

    private EvidenceRig(NpgsqlDataSource db, HubOptions options, EvidenceKeys keys, TimeProvider clock)
    {
        Db = db;
        Options = options;
        Keys = keys;
        Clock = clock;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Sequencer = new EvidenceSequencer(db, wrapped, clock, NullLogger<EvidenceSequencer>.Instance);
        Signer = new EvidenceHeadSigner(db, keys, clock, NullLogger<EvidenceHeadSigner>.Instance);
        Verifier = new EvidenceVerifier(db, wrapped, keys, new AlertStore(db, clock, NullLogger<AlertStore>.Instance), TestPersonalData.Payloads(), NullLogger<EvidenceVerifier>.Instance);
    }

    public NpgsqlDataSource Db { get; }

    public HubOptions Options { get; }

    public EvidenceKeys Keys { get; }

    public TimeProvider Clock { get; }

    public EvidenceSequencer Sequencer { get; }

    public EvidenceHeadSigner Signer { get; }

    public EvidenceVerifier Verifier { get; }

    public long Delivered { get; private set; }

    public long Replayed { get; private set; }

    public static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static EvidenceKeys KeysFor(EvidenceOptions evidence, string environment = "Production") =>
        new(Microsoft.Extensions.Options.Options.Create(new HubOptions { Evidence = evidence }),
            new HostingEnvironment { EnvironmentName = environment, ContentRootPath = Directory.CreateTempSubdirectory("hub-evidence-root-").FullName },
            NullLogger<EvidenceKeys>.Instance);

    public static async Task<EvidenceRig> StartAsync(PostgresCluster cluster, EvidenceOptions? evidence = null, TimeProvider? clock = null)
    {
        var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        evidence ??= new EvidenceOptions { Chains = 2, SigningKey = new EvidenceSigningKeyOptions { Pem = NewKeyPem() } };
        var keys = KeysFor(evidence);
        Assert.Empty(keys.Problems);
        return new EvidenceRig(db, new HubOptions { Evidence = evidence }, keys, clock ?? new ShiftedClock());
    }

    /// <summary>Writes the message's life through the hub's stores and links it.</summary>
    public async Task WriteLifeAsync()
    {
        var messages = new MessageStore(Db, TestPersonalData.Payloads());
        var now = Clock.GetUtcNow();
        await messages.AppendAsync(Flow, 1, [new SourceRecord("HS-1", """{"MaHoSo":"HS-1","TrangThai":"Mới"}""", "HS-1", "1"), new SourceRecord("HS-2", """{"MaHoSo":"HS-2"}""", "HS-2", "1")],
            [Destination], new SourceCheckpoint("cursor-after-HS-2"), now, default);
        var ids = await LongsAsync("select id from hub.messages order by id");
        var deliveries = new DeliveryStore(Db);
        await deliveries.RecordAsync(Flow, Destination,
            [new DeliveryResult(ids[0], DeliveryStatus.Dead, 1, null, "rejected", "iGate said no", "dead", 12),
             new DeliveryResult(ids[1], DeliveryStatus.Delivered, 1, null, null, null, "delivered", 9, Reference: "IGATE-2026-77", Note: "IGATE-2026-77")],
            holdBehindDeadLetter: true, now.AddSeconds(1), default);
        await new DeadLetterStore(Db).ReplayAsync(new DeadLetterSelection(MessageIds: [ids[0]]), "officer.lan", "iGate fixed its schema", now.AddSeconds(2), default);
        Delivered = ids[1];
        Replayed = ids[0];
        await Sequencer.LinkAsync(default);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<long>> LongsAsync(string sql)
    {
        var values = new List<long>();
        await using var command = Db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        Keys.Dispose();
        await Db.DisposeAsync();
    }
}
