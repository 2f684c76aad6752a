namespace IntegrationHub.Host.Inbound;

/// <summary>The outcome of storing one submission: a receipt (new or original), or the error to answer.</summary>
public sealed record InboxWriteResult(InboundReceipt? Receipt, bool Repeated, InboundError? Error)
{
    public static InboxWriteResult Stored(InboundReceipt receipt) => new(receipt, false, null);

    public static InboxWriteResult Repeat(InboundReceipt receipt) => new(receipt, true, null);

    public static InboxWriteResult Refused(InboundError error) => new(null, false, error);
}
