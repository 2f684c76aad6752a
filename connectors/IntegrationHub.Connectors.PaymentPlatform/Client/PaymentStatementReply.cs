namespace IntegrationHub.Connectors.PaymentPlatform.Client;

/// <summary>The daily statement on the wire (designed format): <c>{MaLoi, MoTaLoi, Ngay, DanhSach: [lines]}</c>.</summary>
internal sealed record PaymentStatementReply
{
    public string? MaLoi { get; init; }

    public string? MoTaLoi { get; init; }

    public string? Ngay { get; init; }

    public List<PaymentStatementLine>? DanhSach { get; init; }
}
