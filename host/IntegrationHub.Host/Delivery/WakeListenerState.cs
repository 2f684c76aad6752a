namespace IntegrationHub.Host.Delivery;

/// <summary>Whether this host's <see cref="WakeListener"/> is listening now. While it is, a commit that creates pending
/// deliveries wakes a delivery loop by itself, so the per-commit Hangfire enqueues are left out; while it is not (off,
/// or its connection dropped), they are made as before.</summary>
public sealed class WakeListenerState
{
    private volatile bool _listening;

    public bool Listening => _listening;

    public void Set(bool listening) => _listening = listening;
}
