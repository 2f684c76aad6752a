using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.DocumentExchange;
using Xunit;

namespace IntegrationHub.Connectors.Tests.DocumentExchange;

/// <summary>Documents with every header field set (Vietnamese text and XML-special characters included), and helpers
/// to write and read them through memory.</summary>
internal static class EdXmlSamples
{
    /// <summary>Sizes chosen to cover an empty attachment, one shorter than a base64 quantum, and one spanning chunks.</summary>
    private static readonly int[] AttachmentSizes = [200_003, 7, 0];

    public static EdXmlMessageHeader Header() => new()
    {
        From = new EdXmlOrganization
        {
            OrganId = "000.00.00.H56", OrganName = "UBND tỉnh Khánh Hòa", OrganInCharge = "Văn phòng UBND tỉnh",
            OrganAdd = "01 Trần Phú, Nha Trang", Email = "vpubnd@khanhhoa.gov.vn", Telephone = "0258 3822 661",
            Fax = "0258 3822 662", Website = "https://khanhhoa.gov.vn",
        },
        To =
        [
            new EdXmlOrganization { OrganId = "000.01.15.H56", OrganName = "Sở Tài chính" },
            new EdXmlOrganization { OrganId = "000.02.15.H56", OrganName = "Sở Nội vụ", Email = "snv@khanhhoa.gov.vn" },
        ],
        DocumentId = "000.00.00.H56,2026/11/28,125",
        Code = new EdXmlCode { CodeNumber = "125", CodeNotation = "UBND-VP" },
        PromulgationInfo = new EdXmlPromulgationInfo { Place = "Khánh Hòa", PromulgationDate = new DateOnly(2026, 11, 28) },
        DocumentType = new EdXmlDocumentType { Type = 1, TypeName = "Công văn" },
        Subject = "V/v triển khai <edXML> & liên thông văn bản",
        Content = "Đề nghị các sở \"phối hợp\" thực hiện.\nDòng thứ hai.",
        SignerInfo = new EdXmlSignerInfo { Competence = "KT. CHỦ TỊCH", Position = "Phó Chủ tịch", FullName = "Nguyễn Văn A" },
        OtherInfo = new EdXmlOtherInfo { Priority = 2, SphereOfPromulgation = "Nội bộ", TyperNotation = "VP", PromulgationAmount = 10, PageAmount = 3 },
        SteeringType = 1,
    };

    public static IReadOnlyList<EdXmlTraceHeader> Traces() =>
    [
        new EdXmlTraceHeader { OrganId = "000.00.00.H56", Timestamp = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(7)) },
        new EdXmlTraceHeader { OrganId = "000.00.00.G22", Timestamp = new DateTimeOffset(2026, 11, 28, 2, 30, 1, 250, TimeSpan.Zero) },
    ];

    public static byte[] Content(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static EdXmlEnvelope Envelope(int attachmentCount) => new()
    {
        Header = Header(),
        TraceHeaderList = Traces(),
        Attachments = Enumerable.Range(0, attachmentCount)
            .Select(i => EdXmlAttachment.FromBytes(
                new EdXmlAttachmentInfo
                {
                    ContentId = $"att-{i}", ContentType = i == 0 ? "application/pdf" : "application/octet-stream",
                    AttachmentName = $"Tệp đính kèm {i}.pdf", Description = i == 1 ? null : $"Phụ lục {i}",
                },
                Content(AttachmentSizes[i % AttachmentSizes.Length], seed: i)))
            .ToList(),
    };

    public static async Task<byte[]> WriteAsync(EdXmlEnvelope envelope)
    {
        using var output = new MemoryStream();
        await new EdXmlWriter().WriteAsync(envelope, output);
        return output.ToArray();
    }

    public static async Task<string> XmlAsync(int attachmentCount) => Encoding.UTF8.GetString(await WriteAsync(Envelope(attachmentCount)));

    /// <summary>Reads into memory sinks keyed by ContentId, so tests can compare each attachment's bytes.</summary>
    public static async Task<(EdXmlReceivedEnvelope Envelope, Dictionary<string, MemoryStream> Contents)> ReadAsync(byte[] xml)
    {
        var contents = new Dictionary<string, MemoryStream>();
        var received = await new EdXmlReader().ReadAsync(new MemoryStream(xml), info => contents[info.ContentId] = new MemoryStream());
        return (received, contents);
    }

    public static Task<EdXmlException> ReadFailureAsync(string xml) =>
        Assert.ThrowsAsync<EdXmlException>(() => ReadAsync(Encoding.UTF8.GetBytes(xml)));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
