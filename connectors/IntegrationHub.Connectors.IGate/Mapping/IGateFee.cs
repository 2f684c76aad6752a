namespace IntegrationHub.Connectors.IGate.Mapping;

/// <summary>A fee or charge of a procedure in iGate's shape.</summary>
/// <param name="Kind">E.g. "Phí" or "Lệ phí", when the portal says.</param>
/// <param name="AmountVnd">Whole VND; null when the portal gives only text (e.g. "Không thu phí").</param>
internal sealed record IGateFee(string? Kind, string? Name, long? AmountVnd);
