namespace IntegrationHub.Benchmarks;

/// <summary>What <see cref="LatencyRig.ExactlyOnceAsync"/> found.</summary>
internal sealed record ExactlyOnceFigures(
    long PushesAccepted, long EvaluationsApplied, long EvaluationKeysResent,
    long IGateDossiers, long PortalDossiers, long PortalUpdates, long PortalKeysResent,
    long MessagesDeliveredTwice, long DeliveriesNotDelivered)
{
    public bool Passed => EvaluationsApplied == PushesAccepted && PortalDossiers == IGateDossiers && PortalUpdates == 0 && MessagesDeliveredTwice == 0 && DeliveriesNotDelivered == 0;

    public override string ToString() =>
        $"{(Passed ? "PASS" : "FAIL")}: {PushesAccepted:N0} pushes accepted, {EvaluationsApplied:N0} evaluations applied at iGate ({EvaluationKeysResent:N0} re-sent keys ignored); " +
        $"{IGateDossiers:N0} iGate dossiers, {PortalDossiers:N0} at the portal ({PortalUpdates:N0} applied twice, {PortalKeysResent:N0} re-sent keys ignored); " +
        $"{MessagesDeliveredTwice:N0} messages delivered twice; {DeliveriesNotDelivered:N0} deliveries not delivered";
}
