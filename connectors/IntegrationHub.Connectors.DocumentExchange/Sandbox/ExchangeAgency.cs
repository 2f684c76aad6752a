namespace IntegrationHub.Connectors.DocumentExchange.Sandbox;

/// <summary>An agency connected to the platform (list agencies).</summary>
public sealed record ExchangeAgency(string OrganId, string OrganName)
{
    /// <summary>Made-up departments of the province and two ministries, agency codes in the national format.</summary>
    public static IReadOnlyList<ExchangeAgency> Defaults { get; } =
    [
        new("000.00.00.H56", "UBND tỉnh Khánh Hòa"),
        new("000.01.15.H56", "Sở Tài chính tỉnh Khánh Hòa"),
        new("000.02.15.H56", "Sở Nội vụ tỉnh Khánh Hòa"),
        new("000.00.00.G22", "Bộ Thông tin và Truyền thông"),
        new("000.00.00.G09", "Bộ Tài chính"),
    ];
}
