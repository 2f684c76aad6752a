using System.Globalization;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>Plays the other agencies: makes up documents they send to the province (seeded attachment content of the
/// requested sizes, written to a file as it is generated), and statuses they post.</summary>
internal sealed class DocumentPlanter(ExchangePlatform platform, EdXmlFileStore files, ExchangeSandboxOptions options, TimeProvider clock)
{
    public async Task<string> PlantAsync(PlantRequest request, CancellationToken cancellationToken)
    {
        var number = platform.NextPlantNumber();
        var from = Agency(request.From ?? platform.Agencies.First(a => platform.IsSimulated(a.OrganId)).OrganId);
        var to = Agency(request.To ?? options.HubOrganId);
        var now = clock.GetLocalNow();
        var specs = request.Attachments ?? [new SandboxAttachmentSpec("cong-van.pdf", 20_000)];
        var envelope = new EdXmlEnvelope
        {
            Header = new EdXmlMessageHeader
            {
                From = new EdXmlOrganization { OrganId = from.OrganId, OrganName = from.OrganName },
                To = [new EdXmlOrganization { OrganId = to.OrganId, OrganName = to.OrganName }],
                DocumentId = $"{from.OrganId},{now:yyyy/MM/dd},{number.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}",
                Code = new EdXmlCode { CodeNumber = number.ToString(CultureInfo.InvariantCulture), CodeNotation = "VP" },
                PromulgationInfo = new EdXmlPromulgationInfo { Place = "Hà Nội", PromulgationDate = DateOnly.FromDateTime(now.DateTime) },
                DocumentType = new EdXmlDocumentType { Type = 1, TypeName = "Công văn" },
                Subject = request.Subject ?? $"V/v phối hợp triển khai nhiệm vụ số {number}",
                Content = "Đề nghị Ủy ban nhân dân tỉnh phối hợp thực hiện.",
                SignerInfo = new EdXmlSignerInfo { Competence = "KT. BỘ TRƯỞNG", Position = "Thứ trưởng", FullName = "Trần Văn B" },
            },
            TraceHeaderList = [new EdXmlTraceHeader { OrganId = from.OrganId, Timestamp = now }],
            Attachments = GeneratedAttachments.Create(specs, number),
        };
        var stored = await files.WriteAsync(envelope, cancellationToken);
        platform.Plant(PlatformDocument.From(stored, platform.IsSimulated));
        return stored.DocumentId;
    }

    /// <summary>Plants bytes as they are, e.g. a malformed envelope the receiver must reject.</summary>
    public async Task PlantRawAsync(string documentId, string? from, string? to, Stream body, CancellationToken cancellationToken)
    {
        var path = await files.SaveRawAsync(body, cancellationToken);
        var sender = from ?? platform.Agencies.First(a => platform.IsSimulated(a.OrganId)).OrganId;
        var document = new PlatformDocument(documentId, sender, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), "0/VP", "(raw)", path, stored: null);
        var addressee = to ?? options.HubOrganId;
        document.Deliveries.Add(addressee, new PlatformDelivery(addressee, platform.IsSimulated(addressee)));
        platform.Plant(document);
    }

    public PlatformOutcome Force(ForceStatusRequest request)
    {
        var view = platform.View(request.DocumentId);
        if (view is null)
        {
            return new PlatformOutcome(404, "unknown_document", $"No document {request.DocumentId}.");
        }

        var from = request.From ?? view.Deliveries.FirstOrDefault()?.OrganId ?? view.SenderOrganId;
        var code = (EdXmlStatusCode)request.StatusCode;
        if (!Enum.IsDefined(code))
        {
            return new PlatformOutcome(400, EdXmlErrorCodes.InvalidValue, $"Unknown status code {request.StatusCode}.");
        }

        var summary = platform.ListSummary(request.DocumentId);
        return platform.Force(new EdXmlStatus
        {
            ResponseFor = new EdXmlResponseFor { OrganId = view.SenderOrganId, Code = summary.Code, PromulgationDate = summary.PromulgationDate, DocumentId = request.DocumentId },
            From = new EdXmlOrganization { OrganId = from, OrganName = Agency(from).OrganName },
            StatusCode = code,
            Description = request.Description ?? "Trạng thái do kiểm thử đặt.",
            Timestamp = clock.GetLocalNow(),
        });
    }

    private ExchangeAgency Agency(string organId) =>
        platform.Agencies.FirstOrDefault(a => a.OrganId == organId) ?? new ExchangeAgency(organId, string.Empty);
}
