using System.Text;
using IntegrationHub.Contracts.Text;
using IntegrationHub.Tests.Infrastructure;
using Npgsql;

namespace IntegrationHub.Tests.Security;

/// <summary>A number jsonb cannot hold (<c>1e200000</c>) was accepted with 202 and failed later, when routed or
/// committed with a source's page. The rule is checked against PostgreSQL itself, number by number.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StorableNumberTests(PostgresCluster cluster)
{
    public static TheoryData<string> Numbers() =>
    [
        "0", "-12.5", "1e131071", "1e131072", "123e131069", "123e131070", "1e-16383", "1e-16384", "1.5e-16383",
        "0.1e-16383", "0.00123e5", "1e200000", "-1E+200000", "1e-200000", "0e99999", "1e9999999999999", "0.000001",
        "12345678901234567890123456789012345678901234567890", "1" + new string('0', 131_071), "1" + new string('0', 131_072),
        "0." + new string('0', 16_382) + "1", "0." + new string('0', 16_383) + "1",
    ];

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task A_number_is_storable_exactly_when_PostgreSQL_stores_it_in_jsonb(string number)
    {
        bool stored;
        await using (var connection = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select @text::jsonb", connection);
            command.Parameters.AddWithValue("text", number);
            try
            {
                await command.ExecuteScalarAsync();
                stored = true;
            }
            catch (PostgresException)
            {
                stored = false;
            }
        }

        Assert.Equal(stored, StorableNumber.IsStorable(Encoding.ASCII.GetBytes(number)));
    }

    [Fact]
    public void A_number_beyond_numeric_is_refused_by_the_json_text_check_with_invalid_number()
    {
        var problem = JsonTextInspector.Inspect("""{"SoTien":1e200000}"""u8.ToArray(), 32, out _);

        Assert.Equal(JsonTextProblem.InvalidNumber, problem?.Code);
        Assert.Contains("SoTien", problem!.Message, StringComparison.Ordinal);
    }
}
