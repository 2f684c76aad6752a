namespace IntegrationHub.Host.Evidence;

/// <summary>A chain's last link when a head was signed (seq 0: empty, hash 32 zero bytes) and, in a v2 statement, the
/// seq the head before ended at: the head covers links (<see cref="From"/>, <see cref="Seq"/>].</summary>
public sealed record ChainHead(int Chain, long Seq, byte[] Hash, long? From = null);
