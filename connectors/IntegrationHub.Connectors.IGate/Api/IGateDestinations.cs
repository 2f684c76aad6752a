using IntegrationHub.Connectors.IGate.Mapping;

namespace IntegrationHub.Connectors.IGate.Api;

/// <summary>iGate's destination streams.</summary>
internal static class IGateDestinations
{
    public static IGateDestination<IGateBatchItem> Procedures { get; } = new(
        IGateConnector.ProceduresStream,
        IGateUrls.ProceduresBatch,
        "procedure",
        static (string key, string payload, out string? problem) =>
            NationalProcedureMapper.TryMap(payload, out problem) is { } procedure ? new IGateBatchItem(key, procedure) : null);

    public static IGateDestination<IGatePaymentItem> Payments { get; } = new(
        IGateConnector.PaymentsStream,
        IGateUrls.PaymentsBatch,
        "payment",
        static (string key, string payload, out string? problem) =>
            HubPaymentMapper.TryMap(payload, out problem) is { } payment ? new IGatePaymentItem(key, payment) : null);

    public static IGateDestination<IGateEvaluationItem> Evaluations { get; } = new(
        IGateConnector.EvaluationsStream,
        IGateUrls.EvaluationsBatch,
        "evaluation",
        static (string key, string payload, out string? problem) =>
            HubEvaluationMapper.TryMap(payload, out problem) is { } evaluation ? new IGateEvaluationItem(key, evaluation) : null);

    public static IGateDestination<IGateCitizenCheckItem> CitizenChecks { get; } = new(
        IGateConnector.CitizenChecksStream,
        IGateUrls.CitizenChecksBatch,
        "citizen check",
        static (string key, string payload, out string? problem) =>
            HubCitizenCheckMapper.TryMap(payload, out problem) is { } check ? new IGateCitizenCheckItem(key, check) : null);

    public static IGateDestination<IGateDeliveryStatusItem> DeliveryStatuses { get; } = new(
        IGateConnector.DeliveryStatusStream,
        IGateUrls.DeliveryStatusBatch,
        "delivery status",
        static (string key, string payload, out string? problem) =>
            HubDeliveryStatusMapper.TryMap(payload, out problem) is { } status ? new IGateDeliveryStatusItem(key, status) : null);
}
