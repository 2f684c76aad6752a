namespace IntegrationHub.Host.Evidence;

/// <summary>A chain's last link when a head was signed (seq 0: empty, hash 32 zero bytes).</summary>
public sealed record ChainHead(int Chain, long Seq, byte[] Hash);
