using IntegrationHub.Connectors.DocumentExchange.Exchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>The platform's state: documents and their deliveries, and each agency's feed of status messages.
/// Routing: a status from a document's addressee goes to its sender; one from the sender (a recall, 13) goes to
/// each addressee. Simulated addressees (every agency but the province) answer by themselves: 01 on arrival, then
/// 03, 05, 06 one step per <see cref="Advance"/>, and a recall with 15 (not yet done) or 16 (already done).
/// Writes through the API are recorded in the sandbox's idempotency book (documents once per DocumentId, statuses once
/// per idempotency key). One lock over everything: the sandbox's traffic is small.</summary>
internal sealed class ExchangePlatform(ExchangeSandboxOptions options, SandboxIdempotencyBook writes, TimeProvider clock)
{
    private const string DocumentsStream = ExchangeConnector.DocumentsStream;
    private const string StatusesStream = ExchangeConnector.StatusesStream;
    private static readonly EdXmlStatusCode[] Progression = [EdXmlStatusCode.Arrived, EdXmlStatusCode.Accepted, EdXmlStatusCode.Processing, EdXmlStatusCode.Done];
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PlatformDocument> _documents = new(StringComparer.Ordinal);
    private readonly List<PlatformStatusEntry> _statuses = [];
    private readonly SandboxChangeLog<PlatformStatusEntry> _feed = new();
    private int _statusesPosted;
    private int _listCalls;
    private int _planted;

    public IReadOnlyList<ExchangeAgency> Agencies { get; } = options.Agencies.Any(a => a.OrganId == options.HubOrganId)
        ? [.. options.Agencies]
        : [new ExchangeAgency(options.HubOrganId, "UBND tỉnh"), .. options.Agencies];

    public bool IsSimulated(string organId) => !string.Equals(organId, options.HubOrganId, StringComparison.Ordinal);

    public PlatformOutcome Send(StoredEdXml stored, string? idempotencyKey)
    {
        var unknown = stored.Header.To.Select(t => t.OrganId).Where(id => Agencies.All(a => a.OrganId != id)).ToList();
        if (unknown.Count > 0)
        {
            writes.Record(DocumentsStream, idempotencyKey, SandboxWriteOutcome.Refused);
            return new PlatformOutcome(422, "unknown_organ", $"Not connected to the platform: {string.Join(", ", unknown)}.");
        }

        lock (_lock)
        {
            if (_documents.TryGetValue(stored.DocumentId, out var existing))
            {
                // Same DocumentId again (a retry, a replay): the document is not delivered twice.
                existing.TimesSent++;
                writes.Record(DocumentsStream, idempotencyKey, SandboxWriteOutcome.Repeated);
                return PlatformOutcome.Repeated;
            }

            writes.Record(DocumentsStream, idempotencyKey, SandboxWriteOutcome.Applied);

            var document = PlatformDocument.From(stored, IsSimulated);
            _documents.Add(document.DocumentId, document);
            foreach (var delivery in document.Deliveries.Values.Where(d => d.Simulated))
            {
                Reply(document, delivery, EdXmlStatusCode.Arrived, "Đã nhận văn bản.");
            }

            return PlatformOutcome.Created;
        }
    }

    public void Plant(PlatformDocument document)
    {
        lock (_lock)
        {
            _documents[document.DocumentId] = document;
        }
    }

    public int NextPlantNumber() => Interlocked.Increment(ref _planted);

    /// <summary>Documents addressed to <paramref name="organId"/> it has not acknowledged yet: listed again every time.</summary>
    public IReadOnlyList<ExchangeReceivedItem> ListReceived(string organId)
    {
        lock (_lock)
        {
            _listCalls++;
            var items = new List<ExchangeReceivedItem>();
            foreach (var d in _documents.Values)
            {
                if (d.Deliveries.TryGetValue(organId, out var delivery) && !delivery.Acknowledged)
                {
                    delivery.TimesListed++;
                    items.Add(new ExchangeReceivedItem(d.DocumentId, d.SenderOrganId, d.Code, d.PromulgationDate, d.Subject));
                }
            }

            return items;
        }
    }

    /// <summary>The code and date status messages quote for a document (which must exist).</summary>
    public (string Code, DateOnly PromulgationDate) ListSummary(string documentId)
    {
        lock (_lock)
        {
            var document = _documents[documentId];
            return (document.Code, document.PromulgationDate);
        }
    }

    /// <returns>The file of a document addressed to <paramref name="organId"/>, or null.</returns>
    public string? Fetch(string documentId, string organId)
    {
        lock (_lock)
        {
            if (_documents.TryGetValue(documentId, out var document) && document.Deliveries.TryGetValue(organId, out var delivery))
            {
                delivery.TimesFetched++;
                return document.Path;
            }

            return null;
        }
    }

    /// <summary>A status posted through the API, once per idempotency key.</summary>
    public PlatformOutcome Post(EdXmlStatus status, string? idempotencyKey)
    {
        lock (_lock)
        {
            if (idempotencyKey is not null && writes.IsApplied(StatusesStream, idempotencyKey))
            {
                writes.Record(StatusesStream, idempotencyKey, SandboxWriteOutcome.Repeated);
                return PlatformOutcome.Repeated;
            }

            var outcome = ApplyLocked(status);
            writes.Record(StatusesStream, idempotencyKey, outcome.Refused ? SandboxWriteOutcome.Refused : SandboxWriteOutcome.Applied);
            return outcome;
        }
    }

    /// <summary>A status set through the controls (a test playing an agency): not a write of the API.</summary>
    public PlatformOutcome Force(EdXmlStatus status)
    {
        lock (_lock)
        {
            return ApplyLocked(status);
        }
    }

    private PlatformOutcome ApplyLocked(EdXmlStatus status)
    {
        if (!_documents.TryGetValue(status.ResponseFor.DocumentId, out var document))
        {
            return new PlatformOutcome(404, "unknown_document", $"No document {status.ResponseFor.DocumentId} on the platform.");
        }

        var from = status.From.OrganId;
        if (from == document.SenderOrganId)
        {
            FromSender(document, status);
        }
        else if (document.Deliveries.TryGetValue(from, out var delivery))
        {
            delivery.LastStatus = status.StatusCode;
            delivery.Acknowledged |= status.StatusCode is EdXmlStatusCode.Arrived or EdXmlStatusCode.Rejected;
            Append(document.SenderOrganId, status);
        }
        else
        {
            return new PlatformOutcome(403, "not_a_party", $"{from} neither sent nor received document {document.DocumentId}.");
        }

        _statusesPosted++;
        return PlatformOutcome.Accepted;
    }

    /// <summary>Each simulated addressee of the document (or of every document) moves one status on.</summary>
    public void Advance(string? documentId = null)
    {
        lock (_lock)
        {
            foreach (var document in _documents.Values.Where(d => documentId is null || d.DocumentId == documentId))
            {
                foreach (var delivery in document.Deliveries.Values.Where(d => d.Simulated && d.LastStatus is { } last && Array.IndexOf(Progression, last) is >= 0 and < 3))
                {
                    var next = Progression[Array.IndexOf(Progression, delivery.LastStatus!.Value) + 1];
                    Reply(document, delivery, next, next == EdXmlStatusCode.Done ? "Đã xử lý xong." : "Đang xử lý.");
                }
            }
        }
    }

    public IReadOnlyList<PlatformStatusEntry> Statuses(string organId, long after, int limit, out bool hasMore)
    {
        lock (_lock)
        {
            var (page, more) = _feed.Read(after, null, limit, s => s.RecipientOrganId == organId);
            hasMore = more;
            return page;
        }
    }

    public ExchangeDocumentView? View(string documentId)
    {
        lock (_lock)
        {
            if (!_documents.TryGetValue(documentId, out var d))
            {
                return null;
            }

            return new ExchangeDocumentView(
                d.DocumentId, d.SenderOrganId, d.Subject, d.TimesSent, d.Stored?.Attachments ?? [],
                [.. d.Deliveries.Values.Select(v => new ExchangeDeliveryView(v.OrganId, v.Simulated, v.TimesListed, v.TimesFetched, v.Acknowledged, v.LastStatus is { } s ? Code(s) : null))],
                [.. _statuses.Where(s => s.Status.ResponseFor.DocumentId == documentId)
                    .Select(s => new ExchangeStatusView(s.Seq, s.Status.From.OrganId, s.RecipientOrganId, Code(s.Status.StatusCode), s.Status.Description))]);
        }
    }

    public ExchangeSandboxStats Stats()
    {
        lock (_lock)
        {
            return new ExchangeSandboxStats(
                _documents.Count, writes.Stats(DocumentsStream).Repeated, _statusesPosted, writes.Stats(StatusesStream).Repeated, _listCalls, _statuses.Count);
        }
    }

    public static string Code(EdXmlStatusCode code) => ((int)code).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private void FromSender(PlatformDocument document, EdXmlStatus status)
    {
        foreach (var delivery in document.Deliveries.Values)
        {
            Append(delivery.OrganId, status);
            if (delivery.Simulated && status.StatusCode == EdXmlStatusCode.Recall)
            {
                var done = delivery.LastStatus == EdXmlStatusCode.Done;
                Reply(document, delivery, done ? EdXmlStatusCode.Refused : EdXmlStatusCode.RecallAccepted,
                    done ? "Văn bản đã xử lý xong, không thể thu hồi." : "Đồng ý thu hồi văn bản.");
            }
        }
    }

    private void Reply(PlatformDocument document, PlatformDelivery delivery, EdXmlStatusCode code, string description)
    {
        delivery.LastStatus = code;
        delivery.Acknowledged |= code == EdXmlStatusCode.Arrived;
        var agency = Agencies.FirstOrDefault(a => a.OrganId == delivery.OrganId);
        Append(document.SenderOrganId, new EdXmlStatus
        {
            ResponseFor = new EdXmlResponseFor { OrganId = document.SenderOrganId, Code = document.Code, PromulgationDate = document.PromulgationDate, DocumentId = document.DocumentId },
            From = new EdXmlOrganization { OrganId = delivery.OrganId, OrganName = agency?.OrganName ?? string.Empty },
            StatusCode = code,
            Description = description,
            Timestamp = clock.GetLocalNow(),
            StaffInfo = new EdXmlStaffInfo { Department = "Văn thư", Staff = "Cán bộ văn thư (mô phỏng)" },
        });
    }

    private void Append(string recipient, EdXmlStatus status)
    {
        var entry = new PlatformStatusEntry(_statuses.Count + 1, recipient, status);
        _statuses.Add(entry);
        _feed.Append(entry.Seq, string.Empty, entry);
    }
}
