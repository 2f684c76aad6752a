namespace IntegrationHub.Benchmarks;

/// <summary>One soak sample: how far the feed was, the host's resident memory and the database's client connections.</summary>
internal sealed record SoakSample(double Progress, long HostRssBytes, long Connections);
