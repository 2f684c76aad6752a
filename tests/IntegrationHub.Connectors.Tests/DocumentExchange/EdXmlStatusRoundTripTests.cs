using IntegrationHub.Connectors.DocumentExchange;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Status messages round trip for every code, with the two-digit wire form the standard uses.</summary>
public sealed class EdXmlStatusRoundTripTests
{
    public static TheoryData<EdXmlStatusCode, string> Codes() => new()
    {
        { EdXmlStatusCode.Arrived, "01" }, { EdXmlStatusCode.Rejected, "02" }, { EdXmlStatusCode.Accepted, "03" },
        { EdXmlStatusCode.Assigned, "04" }, { EdXmlStatusCode.Processing, "05" }, { EdXmlStatusCode.Done, "06" },
        { EdXmlStatusCode.Recall, "13" }, { EdXmlStatusCode.RecallAccepted, "15" }, { EdXmlStatusCode.Refused, "16" },
    };

    internal static EdXmlStatus Status(EdXmlStatusCode code) => new()
    {
        ResponseFor = new EdXmlResponseFor
        {
            OrganId = "000.00.00.H56", Code = "125/UBND-VP", PromulgationDate = new DateOnly(2026, 11, 28), DocumentId = "000.00.00.H56,2026/11/28,125",
        },
        From = new EdXmlOrganization { OrganId = "000.01.15.H56", OrganName = "Sở Tài chính", Email = "stc@khanhhoa.gov.vn" },
        StatusCode = code,
        Description = "Đã tiếp nhận & chuyển xử lý",
        Timestamp = new DateTimeOffset(2026, 11, 28, 10, 15, 30, TimeSpan.FromHours(7)),
        StaffInfo = new EdXmlStaffInfo { Department = "Phòng Hành chính", Staff = "Trần Thị B", Mobile = "0905 000 111" },
    };

    internal static async Task<string> XmlAsync(EdXmlStatus status)
    {
        using var output = new MemoryStream();
        await new EdXmlStatusWriter().WriteAsync(status, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Status_round_trips(EdXmlStatusCode code, string wire)
    {
        var sent = Status(code);
        var xml = await XmlAsync(sent);

        var received = await new EdXmlStatusReader().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

        Assert.Contains($"<StatusCode>{wire}</StatusCode>", xml);
        Assert.Equal(sent, received);
        Assert.Equal(sent.Timestamp.Offset, received.Timestamp.Offset);
    }

    [Theory]
    [InlineData("07")]
    [InlineData("1")]
    [InlineData("xx")]
    public async Task Unknown_status_code_is_invalid_value(string wire)
    {
        var xml = (await XmlAsync(Status(EdXmlStatusCode.Done))).Replace("<StatusCode>06</StatusCode>", $"<StatusCode>{wire}</StatusCode>");

        var error = await Assert.ThrowsAsync<EdXmlException>(() => new EdXmlStatusReader().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(EdXmlErrorCodes.InvalidValue, error.Code);
    }

    [Fact]
    public async Task Status_without_from_is_missing_from()
    {
        var xml = System.Text.RegularExpressions.Regex.Replace(
            await XmlAsync(Status(EdXmlStatusCode.Arrived)), "<From>.*?</From>", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline);

        var error = await Assert.ThrowsAsync<EdXmlException>(() => new EdXmlStatusReader().ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));

        Assert.Equal(EdXmlErrorCodes.MissingFrom, error.Code);
    }
}
