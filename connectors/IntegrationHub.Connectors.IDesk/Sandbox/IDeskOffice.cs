using IntegrationHub.Connectors.DocumentExchange;
using IntegrationHub.Connectors.DocumentExchange.SandboxFiles;
using IntegrationHub.Connectors.DocumentExchange.Transfer;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IDesk.Sandbox;

/// <summary>iDesk's state: documents sent out (a feed), documents received (once per DocumentId), and the feed of
/// status messages its officers produce: 01 when a document arrives, 03/05/06 as it is processed, 13 to recall a sent
/// one, 15/16 to answer a recall of a received one. Writes through the API are recorded in the sandbox's idempotency
/// book (incoming documents once per DocumentId, statuses once per idempotency key). One lock over everything.</summary>
internal sealed class IDeskOffice(IDeskSandboxOptions options, SandboxIdempotencyBook writes, TimeProvider clock)
{
    private const string IncomingStream = IDeskConnector.IncomingStream;
    private const string StatusesStream = IDeskConnector.StatusesStream;
    private static readonly EdXmlStatusCode[] Progression = [EdXmlStatusCode.Arrived, EdXmlStatusCode.Accepted, EdXmlStatusCode.Processing, EdXmlStatusCode.Done];
    private readonly Lock _lock = new();
    private readonly List<OutgoingDocument> _outgoing = [];
    private readonly SandboxChangeLog<OutgoingDocument> _outgoingFeed = new();
    private readonly Dictionary<string, IncomingDocument> _incoming = new(StringComparer.Ordinal);
    private readonly SandboxChangeLog<StatusChange> _statusChanges = new();
    private int _created;

    public int NextNumber() => Interlocked.Increment(ref _created);

    public void AddOutgoing(StoredEdXml stored)
    {
        lock (_lock)
        {
            var document = new OutgoingDocument(_outgoing.Count + 1, stored);
            _outgoing.Add(document);
            _outgoingFeed.Append(document.Seq, string.Empty, document);
        }
    }

    public IReadOnlyList<EdXmlListItem> Outgoing(long after, int limit, out bool hasMore)
    {
        lock (_lock)
        {
            var (page, more) = _outgoingFeed.Read(after, null, limit);
            hasMore = more;
            return [.. page.Select(d => new EdXmlListItem(d.Seq, d.Stored.DocumentId))];
        }
    }

    public string? OutgoingPath(string documentId)
    {
        lock (_lock)
        {
            return _outgoing.FirstOrDefault(d => d.Stored.DocumentId == documentId)?.Stored.Path;
        }
    }

    public IReadOnlyList<(long Seq, EdXmlStatus Status)> StatusChanges(long after, int limit, out bool hasMore)
    {
        lock (_lock)
        {
            var (page, more) = _statusChanges.Read(after, null, limit);
            hasMore = more;
            return [.. page.Select(c => (c.Seq, c.Status))];
        }
    }

    /// <returns>True when the DocumentId is new and stored; false when iDesk already had it (counted, not stored again).</returns>
    public bool Receive(StoredEdXml stored, string? idempotencyKey)
    {
        lock (_lock)
        {
            if (_incoming.TryGetValue(stored.DocumentId, out var existing))
            {
                existing.TimesPosted++;
                writes.Record(IncomingStream, idempotencyKey, SandboxWriteOutcome.Repeated);
                return false;
            }

            writes.Record(IncomingStream, idempotencyKey, SandboxWriteOutcome.Applied);
            _incoming.Add(stored.DocumentId, new IncomingDocument(stored));
            Emit(stored.Header, EdXmlStatusCode.Arrived, "Văn thư đã tiếp nhận văn bản.");
            return true;
        }
    }

    /// <returns>Null when applied (or a repeat); else the error code and message for a 404.</returns>
    public (string Code, string Message)? Apply(EdXmlStatus status, string? idempotencyKey)
    {
        lock (_lock)
        {
            if (idempotencyKey is not null && writes.IsApplied(StatusesStream, idempotencyKey))
            {
                writes.Record(StatusesStream, idempotencyKey, SandboxWriteOutcome.Repeated);
                return null;
            }

            var documentId = status.ResponseFor.DocumentId;
            var code = Code(status.StatusCode);
            if (_outgoing.FirstOrDefault(d => d.Stored.DocumentId == documentId) is { } sent)
            {
                sent.StatusesReceived.Add($"{code} {status.From.OrganId}");
                sent.State = status.StatusCode switch
                {
                    EdXmlStatusCode.RecallAccepted => "recalled",
                    EdXmlStatusCode.Refused => "recall_refused",
                    _ when sent.State is "recalled" or "recall_refused" => sent.State,
                    _ => code,
                };
            }
            else if (_incoming.TryGetValue(documentId, out var received) && status.StatusCode == EdXmlStatusCode.Recall)
            {
                var done = received.State == EdXmlStatusCode.Done;
                received.Recalled = !done;
                Emit(received.Stored.Header, done ? EdXmlStatusCode.Refused : EdXmlStatusCode.RecallAccepted,
                    done ? "Văn bản đã xử lý xong, không đồng ý thu hồi." : "Đồng ý thu hồi văn bản.");
            }
            else
            {
                writes.Record(StatusesStream, idempotencyKey, SandboxWriteOutcome.Refused);
                return ("unknown_document", $"iDesk has no document {documentId} that status {code} could apply to.");
            }

            writes.Record(StatusesStream, idempotencyKey, SandboxWriteOutcome.Applied);
            return null;
        }
    }

    /// <summary>Officers move each received document (or one) one status on.</summary>
    public void Process(string? documentId = null)
    {
        lock (_lock)
        {
            foreach (var received in _incoming.Values.Where(d => !d.Recalled && (documentId is null || d.Stored.DocumentId == documentId)))
            {
                var at = Array.IndexOf(Progression, received.State);
                if (at is >= 0 and < 3)
                {
                    received.State = Progression[at + 1];
                    Emit(received.Stored.Header, received.State, received.State == EdXmlStatusCode.Done ? "Đã xử lý xong." : "Đang xử lý.");
                }
            }
        }
    }

    /// <summary>The officer recalls a sent document: status 13 to its addressees.</summary>
    public bool Recall(string documentId)
    {
        lock (_lock)
        {
            if (_outgoing.FirstOrDefault(d => d.Stored.DocumentId == documentId) is not { } sent)
            {
                return false;
            }

            sent.State = "recall_requested";
            Emit(sent.Stored.Header, EdXmlStatusCode.Recall, "Đề nghị thu hồi văn bản do sai sót.");
            return true;
        }
    }

    public IDeskDocumentView? View(string documentId)
    {
        lock (_lock)
        {
            if (_outgoing.FirstOrDefault(d => d.Stored.DocumentId == documentId) is { } sent)
            {
                return new IDeskDocumentView(documentId, "outgoing", sent.Stored.Header.Subject, sent.State, 0, sent.Stored.Attachments, [.. sent.StatusesReceived]);
            }

            return _incoming.TryGetValue(documentId, out var received)
                ? new IDeskDocumentView(documentId, "incoming", received.Stored.Header.Subject, received.Recalled ? "recalled" : Code(received.State), received.TimesPosted, received.Stored.Attachments, [])
                : null;
        }
    }

    public IDeskSandboxStats Stats()
    {
        lock (_lock)
        {
            var statuses = writes.Stats(StatusesStream);
            return new IDeskSandboxStats(
                _outgoing.Count, _incoming.Count, writes.Stats(IncomingStream).Received, statuses.Applied, statuses.Repeated, _statusChanges.Count);
        }
    }

    private static string Code(EdXmlStatusCode code) => ((int)code).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A status about <paramref name="document"/> from the province, as iDesk's officers produce it.</summary>
    private void Emit(EdXmlMessageHeader document, EdXmlStatusCode code, string description)
    {
        var notation = document.Code.CodeNotation.Length == 0 ? document.Code.CodeNumber : $"{document.Code.CodeNumber}/{document.Code.CodeNotation}";
        var seq = _statusChanges.Count + 1;
        _statusChanges.Append(seq, string.Empty, new StatusChange(seq, new EdXmlStatus
        {
            ResponseFor = new EdXmlResponseFor
            {
                OrganId = document.From.OrganId, Code = notation, PromulgationDate = document.PromulgationInfo.PromulgationDate, DocumentId = document.DocumentId,
            },
            From = new EdXmlOrganization { OrganId = options.OrganId, OrganName = "UBND tỉnh" },
            StatusCode = code,
            Description = description,
            Timestamp = clock.GetLocalNow(),
            StaffInfo = new EdXmlStaffInfo { Department = "Văn phòng", Staff = "Chuyên viên (mô phỏng)" },
        }));
    }

    /// <summary>One entry of the status feed.</summary>
    private sealed record StatusChange(long Seq, EdXmlStatus Status);
}
