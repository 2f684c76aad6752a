namespace IntegrationHub.Host.Storage;

/// <summary>Throughput and failures of flows per hour over <paramref name="Window"/> (<c>24h</c>, <c>7d</c>): from the start of
/// the first hour (<paramref name="From"/>, UTC) to the end of the current one (<paramref name="To"/>).</summary>
public sealed record FlowActivity(string Window, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<FlowActivitySeries> Flows);
