using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Connectors.Sandboxing;

/// <summary>Fault injection for a sandbox: a share of calls fails, the kind of fault drawn by weight.</summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Share of calls (0..1) that get a fault.</summary>
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; }

    [Range(0, 1000)]
    public int ServerErrorWeight { get; set; } = 1;

    [Range(0, 1000)]
    public int TooManyRequestsWeight { get; set; } = 1;

    [Range(0, 1000)]
    public int TimeoutWeight { get; set; } = 1;

    [Range(0, 1000)]
    public int SlowWeight { get; set; }

    [Range(0, 1000)]
    public int MalformedWeight { get; set; }

    /// <summary>Retry-After (seconds) sent with 429.</summary>
    [Range(0, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How long a "timeout" fault holds the request before answering 504 (the client should give up first).</summary>
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra latency of a "slow" fault; the request then succeeds.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Latency added to every call (0 = none), to make runs observable half-way.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Seed of the fault draw; 0 draws from a random seed.</summary>
    public int Seed { get; set; }

    /// <summary>Copies every setting but <see cref="Seed"/> in place: the injector keeps this instance, and its
    /// random stream was seeded when it was built.</summary>
    public void CopyFrom(SandboxFaultOptions source)
    {
        FailureRate = source.FailureRate;
        ServerErrorWeight = source.ServerErrorWeight;
        TooManyRequestsWeight = source.TooManyRequestsWeight;
        TimeoutWeight = source.TimeoutWeight;
        SlowWeight = source.SlowWeight;
        MalformedWeight = source.MalformedWeight;
        RetryAfterSeconds = source.RetryAfterSeconds;
        TimeoutDelay = source.TimeoutDelay;
        SlowDelay = source.SlowDelay;
        Latency = source.Latency;
    }
}
