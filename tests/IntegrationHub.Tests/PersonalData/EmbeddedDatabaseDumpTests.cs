using System.Text;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>The reading of a dump the demo's pg_dump test relies on: it would name a leak, where it is.</summary>
public sealed class EmbeddedDatabaseDumpTests
{
    private const string Id = "056184925194";

    [Fact]
    public void A_personal_id_in_a_json_column_or_inside_a_bytea_or_a_12_digit_number_is_named_by_table_and_column()
    {
        var bytea = @"\\x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes($"<SoDinhDanh>{Id}</SoDinhDanh>"));
        var dump = string.Join('\n',
            "CREATE TABLE hub.messages (id bigint, payload jsonb);",
            "COPY hub.messages (id, payload) FROM stdin;",
            "1\t{\"soDinhDanh\": \"⟦pd1.k1.AbC012345678901234⟧\"}",
            $"2\t{{\"nguoiNop\": \"x{Id}\"}}",
            "\\.",
            "COPY hub.attachment_chunks (attachment_id, chunk_index, data) FROM stdin;",
            $"7\t0\t{bytea}",
            "\\.",
            "COPY hangfire.job (id, arguments) FROM stdin;",
            "3\t[\"123456789012\"]",
            "\\.");

        var findings = EmbeddedDatabaseDump.Findings(dump, new HashSet<string>(StringComparer.Ordinal) { Id });

        Assert.Equal(
            [
                "hangfire.job.arguments (12 digits standing alone): 1",
                "hub.attachment_chunks.data (12 digits standing alone): 1",
                "hub.attachment_chunks.data (a sandbox's personal id): 1",
                "hub.messages.payload (a sandbox's personal id): 1",
            ],
            findings.Select(f => f[..f.IndexOf(", e.g.", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Encrypted_tokens_hashes_and_longer_numbers_are_not_findings()
    {
        var dump = string.Join('\n',
            "COPY hub.citizen_lookups (id, personal_id_token, personal_id_hash, at) FROM stdin;",
            "1\t⟦pd1.k1.Zm9vYmFyMTIzNDU2Nzg5MDEy⟧\t9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\t1733412345678",
            "\\.");

        Assert.Empty(EmbeddedDatabaseDump.Findings(dump, new HashSet<string>(StringComparer.Ordinal) { Id }));
    }
}
