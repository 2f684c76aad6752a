using System.Text.RegularExpressions;
using IntegrationHub.Contracts.Privacy;
using IntegrationHub.Host.PersonalData;
using IntegrationHub.Tests.Infrastructure;

namespace IntegrationHub.Tests.PersonalData;

/// <summary>Payloads keep no personal id in clear once protected, read back byte for byte, and mask as before.</summary>
public sealed partial class PersonalDataPayloadsTests
{
    private static readonly PersonalDataPayloads Payloads = new(Cipher("k1", "k1"));

    public static TheoryData<string> WithIds => new()
    {
        """{"maHoSo":"000.00.12.H12-260101-0001","soDinhDanh":"001089012345","chuHoSo":"Nguyễn Văn A"}""",
        """{ "applicant" : { "id" : 101089012345 , "cmnd": 123456789, "soCMND": "B1234567" }, "list": [ "056085123485", 12.5, true, null ] }""",
        """{"note":"CCCD 001089012345 và 056085123485, số \"trích\" 1234567890123","amount":1500000.5,"ma":1234567890123,"x":-1}""",
        """[{"v":"\u00e1 001089012345"},{"v":"a\\"}]""",
        "Text, not JSON: 001089012345 at 2026-01-01",
        """<soap><soDinhDanh>001089012345</soDinhDanh></soap>""",
    };

    [Theory]
    [MemberData(nameof(WithIds))]
    public void A_protected_payload_keeps_no_id_in_clear_reads_back_exactly_and_masks_as_before(string payload)
    {
        var stored = Payloads.Protect(payload);

        Assert.DoesNotMatch(PersonalId(), stored);
        Assert.DoesNotContain("001089012345", stored, StringComparison.Ordinal);
        Assert.Equal(payload, Payloads.Unprotect(stored));
        Assert.Equal(PersonalDataMask.MaskPayload(payload), PersonalDataMask.MaskPayload(stored));
    }

    [Theory]
    [MemberData(nameof(WithIds))]
    public void Protecting_a_stored_payload_again_keeps_its_tokens_and_reads_back_exactly(string payload)
    {
        // The router appends an inbox payload (already protected) to a flow's messages, protecting it again.
        var stored = Payloads.Protect(payload);

        Assert.Equal(stored, Payloads.Protect(stored));
        Assert.Equal(payload, Payloads.Unprotect(Payloads.Protect(stored)));
    }

    [Fact]
    public void A_card_field_is_protected_whole_and_a_payload_without_ids_is_left_as_it_is()
    {
        var stored = Payloads.Protect("""{"cmnd":123456789,"soCMND":"B1234567"}""");
        Assert.DoesNotContain("123456789", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("B1234567", stored, StringComparison.Ordinal);

        // Every item of a card field's array, also after a nested array; the next field is not one.
        const string list = """{"soCMND":["B1234567",["C7654321"],"D2345678",987654321],"ghiChu":"E3456789"}""";
        var listStored = Payloads.Protect(list);
        foreach (var card in new[] { "B1234567", "C7654321", "D2345678", "987654321" })
        {
            Assert.DoesNotContain(card, listStored, StringComparison.Ordinal);
        }

        Assert.Contains("\"ghiChu\":\"E3456789\"", listStored, StringComparison.Ordinal);
        Assert.Equal(list, Payloads.Unprotect(listStored));

        const string plain = """{"maHoSo":"HS-1","soTien":1500000,"ngay":"20260101120000"}""";
        Assert.Same(plain, Payloads.Protect(plain));
        Assert.Same(plain, Payloads.Unprotect(plain));
    }

    [Theory]
    [MemberData(nameof(WithIds))]
    public void Protecting_twice_changes_nothing_and_rotation_makes_every_token_again_under_the_current_key(string payload)
    {
        var stored = Payloads.Protect(payload);
        Assert.Equal(stored, Payloads.Protect(stored));

        var rotated = TestPersonalData.Payloads("k2", "k1", "k2").Reencrypt(stored);
        Assert.DoesNotContain("pd1.k1.", rotated, StringComparison.Ordinal);
        Assert.Contains("pd1.k2.", rotated, StringComparison.Ordinal);
        Assert.Equal(payload, TestPersonalData.Payloads("k2", "k2").Unprotect(rotated));
        Assert.Same(rotated, TestPersonalData.Payloads("k2", "k2").Reencrypt(rotated));
    }

    [Fact]
    public void A_token_holding_a_token_reads_back_as_its_value_and_rotates_to_a_single_token()
    {
        // What routing a pushed card field stored before protecting was idempotent: encrypted in the inbox, then again.
        var cipher = TestPersonalData.Cipher();
        var doubled = $$"""{"soCMND":"{{cipher.Protect(cipher.Protect("B1234567"))}}"}""";
        Assert.Equal("""{"soCMND":"B1234567"}""", Payloads.Unprotect(doubled));

        var rotated = TestPersonalData.Payloads("k2", "k1", "k2").Reencrypt(doubled);
        Assert.Equal("""{"soCMND":"B1234567"}""", TestPersonalData.Payloads("k2", "k2").Unprotect(rotated));
    }

    [Fact]
    public void A_payload_under_a_missing_key_is_a_clear_error_naming_the_key()
    {
        var stored = Payloads.Protect("""{"soDinhDanh":"001089012345"}""");
        var error = Assert.Throws<PersonalDataUnreadableException>(() => new PersonalDataPayloads(Cipher("k2", "k2")).Unprotect(stored));
        Assert.Equal(PersonalDataUnreadableException.KeyMissing, error.Code);
        Assert.Equal("k1", error.KeyId);
    }

    internal static PersonalDataCipher Cipher(string current, params string[] keyIds)
    {
        var options = new PersonalDataOptions { CurrentKey = current, BlindIndexKey = PersonalDataKeys.BlindIndexKey };
        foreach (var id in keyIds)
        {
            options.Keys[id] = PersonalDataKeys.Key(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        return new PersonalDataCipher(PersonalDataKeyring.Load(options, Path.GetTempPath(), mayGenerate: false));
    }

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex PersonalId();
}
