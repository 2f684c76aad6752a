using System.Globalization;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.Kit;

/// <summary>A feed ordered by a sequence number the counterparty assigns (<c>?after={Seq}&amp;limit=n</c>). Saved as
/// the plain number, e.g. <c>42</c>.</summary>
public sealed record SequenceCursor(long Seq) : KeysetCursor
{
    public override SourceCheckpoint ToCheckpoint() => new(Seq.ToString(CultureInfo.InvariantCulture));

    /// <returns>Null (read from the start) for no checkpoint.</returns>
    /// <exception cref="ConnectorException">Config: the state is not a sequence number.</exception>
    public static SequenceCursor? From(SourceCheckpoint? checkpoint, ConnectorIdentity connector, string stream)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return checkpoint is null ? null
            : long.TryParse(checkpoint.State, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? new SequenceCursor(seq)
            : throw new ConnectorException(connector.BadCheckpoint(stream, checkpoint.State, "a sequence number"));
    }
}
