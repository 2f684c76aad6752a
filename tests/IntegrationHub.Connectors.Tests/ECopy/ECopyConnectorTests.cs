using System.Security.Cryptography;
using System.Text.Json;
using IntegrationHub.Connectors.ECopy;
using IntegrationHub.Connectors.IGate;
using IntegrationHub.Connectors.TestKit;
using IntegrationHub.Connectors.Tests.IGate;
using IntegrationHub.Contracts;
using IntegrationHub.Contracts.Privacy;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IntegrationHub.Connectors.Tests.ECopy;

/// <summary>Copies travel as files through the attachment store, checked by SHA-256 at both ends; the citizen's personal
/// id never shows unmasked.</summary>
public sealed class ECopyConnectorTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FileAttachmentStore _store = new();

    [Fact]
    public async Task A_copy_reaches_the_store_byte_identical_out_of_the_payload_and_the_shown_payload_masks_the_personal_id()
    {
        await using var sandbox = new ECopySandbox(new ECopySandboxOptions { ApiKey = "e-copy-test-key" });
        var certificate = sandbox.Certify(fileSize: 1_500_000);

        var items = await ReadAsync(sandbox, []);

        var record = Assert.Single(items.OfType<SourceRecord>());
        Assert.Equal(new SourceCheckpoint("1"), items[^1]);
        Assert.InRange(record.Payload.Length, 1, 1_000);
        var file = JsonDocument.Parse(record.Payload).RootElement.GetProperty("tep").Deserialize<AttachmentReference>(JsonSerializerOptions.Web)!;
        Assert.Equal((certificate.Tep.KichThuoc, certificate.Tep.Sha256), (file.Length, file.Sha256));
        await using var stored = _store.OpenRead(file);
        Assert.Equal(SHA256.HashData(sandbox.File(certificate.SoChungThuc)!), await SHA256.HashDataAsync(stored));
        Assert.Equal((1, 0), (_store.Completed, _store.Pending));
        var shown = PersonalDataMask.MaskPayload(record.Payload);
        Assert.DoesNotContain(certificate.SoDinhDanh, shown, StringComparison.Ordinal);
        Assert.Contains($"\"soDinhDanh\":\"{PersonalDataMask.MaskId(certificate.SoDinhDanh)}\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_whose_bytes_differ_from_its_certificate_is_set_aside_and_the_next_copy_is_read()
    {
        await using var sandbox = new ECopySandbox(new ECopySandboxOptions { ApiKey = "e-copy-test-key" });
        sandbox.File(sandbox.Certify().SoChungThuc)![100] ^= 0xFF;
        var good = sandbox.Certify();

        var records = (await ReadAsync(sandbox, [])).OfType<SourceRecord>().ToList();

        Assert.Equal(2, records.Count);
        Assert.StartsWith("ECOPY-FILE-MISMATCH", records[0].Problem, StringComparison.Ordinal);
        Assert.Equal((good.SoChungThuc, null), (records[1].Key, records[1].Problem));
    }

    [Fact]
    public async Task IGate_records_a_copy_once_with_its_file_and_a_stored_file_that_no_longer_matches_is_Permanent()
    {
        await using var igate = await IGateTestRig.StartAsync();
        using var connector = new IGateConnector(new() { BaseUrl = igate.BaseAddress.ToString(), ApiKey = IGateTestRig.ApiKey }, _http, NullLogger<IGateConnector>.Instance, _store);
        var good = _store.Put("SCT-1.pdf", RandomNumberGenerator.GetBytes(300_000));
        var altered = _store.Put("SCT-2.pdf", [1, 2, 3]);
        _store.Tamper(altered);
        OutboundMessage Copy(long id, AttachmentReference file) => new(id, $"e-copy:{file.Name}", file.Name, file.Name,
            JsonSerializer.Serialize(new { soChungThuc = file.Name, soDinhDanh = "056090001234", tep = file }, JsonSerializerOptions.Web), 1);

        var first = await connector.WriteAsync(IGateConnector.ECopiesStream, [Copy(1, good), Copy(2, altered)], CancellationToken.None);
        var again = await connector.WriteAsync(IGateConnector.ECopiesStream, [Copy(1, good) with { Attempt = 2 }], CancellationToken.None);

        Assert.True(first[0].Delivered && again[0].Delivered);
        Assert.Equal((FailureKind.Permanent, "IGATE-ECOPY-FILE"), (first[1].Failure?.Kind, first[1].Failure?.Code));
        Assert.Equal((good.Length, good.Sha256), (igate.Sandbox.ECopy(good.Name)?.KichThuoc, igate.Sandbox.ECopy(good.Name)?.Sha256));
        Assert.Equal((2, 1), (igate.Sandbox.Writes.Stats(IGateConnector.ECopiesStream).Received, igate.Sandbox.Writes.Stats(IGateConnector.ECopiesStream).Applied));
    }

    public void Dispose()
    {
        _http.Dispose();
        _store.Dispose();
    }

    private async Task<List<SourceItem>> ReadAsync(ECopySandbox sandbox, List<SourceItem> items)
    {
        var options = new ECopyOptions { BaseUrl = (await sandbox.StartAsync(CancellationToken.None)).ToString(), ApiKey = "e-copy-test-key" };
        using var connector = new ECopyConnector(options, _http, _store, NullLogger<ECopyConnector>.Instance);
        await foreach (var item in connector.ReadAsync(ECopyConnector.CertificationsStream, null, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }
}
