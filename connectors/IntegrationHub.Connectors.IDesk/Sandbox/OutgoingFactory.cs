using System.Globalization;
using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>Makes up documents the province's officers send: header in the province's name, seeded attachments of the
/// requested sizes, written to a file as they are generated.</summary>
internal sealed class OutgoingFactory(IDeskOffice office, EdXmlFileStore files, IDeskSandboxOptions options, TimeProvider clock)
{
    public async Task<string> CreateAsync(CreateOutgoingRequest request, CancellationToken cancellationToken)
    {
        var number = office.NextNumber();
        var now = clock.GetLocalNow();
        var specs = request.Attachments ?? [new SandboxAttachmentSpec("to-trinh.pdf", 30_000)];
        var envelope = new EdXmlEnvelope
        {
            Header = new EdXmlMessageHeader
            {
                From = new EdXmlOrganization { OrganId = options.OrganId, OrganName = "UBND tỉnh Khánh Hòa" },
                To = [.. (request.To ?? options.DefaultAddressees).Select(id => new EdXmlOrganization { OrganId = id })],
                DocumentId = $"{options.OrganId},{now:yyyy/MM/dd},{number.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}",
                Code = new EdXmlCode { CodeNumber = number.ToString(CultureInfo.InvariantCulture), CodeNotation = "UBND-VP" },
                PromulgationInfo = new EdXmlPromulgationInfo { Place = "Khánh Hòa", PromulgationDate = DateOnly.FromDateTime(now.DateTime) },
                DocumentType = new EdXmlDocumentType { Type = 1, TypeName = "Công văn" },
                Subject = request.Subject ?? $"V/v báo cáo tình hình thực hiện nhiệm vụ số {number}",
                Content = "Ủy ban nhân dân tỉnh báo cáo như sau.",
                SignerInfo = new EdXmlSignerInfo { Competence = "TM. ỦY BAN NHÂN DÂN", Position = "Chủ tịch", FullName = "Lê Văn C" },
            },
            TraceHeaderList = [new EdXmlTraceHeader { OrganId = options.OrganId, Timestamp = now }],
            Attachments = GeneratedAttachments.Create(specs, 100_000 + number),
        };
        var stored = await files.WriteAsync(envelope, cancellationToken);
        office.AddOutgoing(stored);
        return stored.DocumentId;
    }
}
