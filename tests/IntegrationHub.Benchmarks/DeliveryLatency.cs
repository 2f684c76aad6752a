namespace IntegrationHub.Benchmarks;

/// <summary>Per delivered message, received_at to its 'delivered' message-log line, from the hub's own database.</summary>
internal sealed record DeliveryLatency(double P50Seconds, double P99Seconds, long Delivered)
{
    public override string ToString() => $"p50 {P50Seconds:N2} s, p99 {P99Seconds:N2} s (over {Delivered:N0} 'delivered' log lines)";
}
