using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate.Sandbox;

/// <summary>Replaces fault settings in place: the injector keeps the options instance it was built with, so a new
/// instance would go unnoticed. (The draw's seed is fixed when the injector is built and is not changed here.)</summary>
internal static class FaultSettings
{
    public static void CopyTo(SandboxFaultOptions source, SandboxFaultOptions target)
    {
        target.FailureRate = source.FailureRate;
        target.ServerErrorWeight = source.ServerErrorWeight;
        target.TooManyRequestsWeight = source.TooManyRequestsWeight;
        target.TimeoutWeight = source.TimeoutWeight;
        target.SlowWeight = source.SlowWeight;
        target.MalformedWeight = source.MalformedWeight;
        target.RetryAfterSeconds = source.RetryAfterSeconds;
        target.TimeoutDelay = source.TimeoutDelay;
        target.SlowDelay = source.SlowDelay;
        target.Latency = source.Latency;
    }
}
