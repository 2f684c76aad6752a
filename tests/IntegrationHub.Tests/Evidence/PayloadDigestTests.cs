using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Host.Evidence;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Evidence;

/// <summary>The payload hash of a "received" event (README "Evidence log"): SHA-256 of the documented canonical JSON
/// of the plaintext, the same from the payload as received and from what PostgreSQL's jsonb gives back.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PayloadDigestTests(PostgresCluster cluster)
{
    public static TheoryData<string, string> Payloads => new()
    {
        { """{ "b" : 1.50, "a": [1E2, -0, 0.0500, 15e-1, 120, -7.25e+1, "\u00e9\n\"\u001f", true, false, null] }""", "{\"a\":[100,0,0.05,1.5,120,-72.5,\"é\\n\\\"\\u001f\",true,false,null],\"b\":1.5}" },
        { """{"x":1,"x":2,"B":null,"a":{"z":[],"y":{}},"soDinhDanh":"001089012345"}""", """{"B":null,"a":{"y":{},"z":[]},"soDinhDanh":"001089012345","x":2}""" },
        { """ [ "text", 123456789012 ] """, """["text",123456789012]""" },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void The_payload_hash_is_the_sha256_of_the_documented_canonical_json(string payload, string canonical)
    {
        Assert.Equal(canonical, PayloadDigest.Canonical(payload));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)), PayloadDigest.Of(payload));
    }

    [Fact]
    public void Text_that_is_not_json_has_no_payload_hash() => Assert.Null(PayloadDigest.Of("not { json"));

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task The_payload_read_back_from_jsonb_and_decrypted_hashes_the_same(string payload, string canonical)
    {
        await using var db = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync());
        var personalData = TestPersonalData.Payloads();
        await using var command = db.CreateCommand("select @p::jsonb::text");
        command.Parameters.AddWithValue("p", personalData.Protect(payload));
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.NotEqual(payload, stored);
        Assert.Equal(canonical, PayloadDigest.Canonical(personalData.Unprotect(stored)));
    }
}
