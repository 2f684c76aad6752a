using System.Globalization;
using IntegrationHub.Contracts;

namespace IntegrationHub.Connectors.DocumentExchange.Transfer;

/// <summary>Where a sequenced feed resumes: the last Seq read, saved as the checkpoint's plain number.</summary>
public static class FeedCursor
{
    public static long From(SourceCheckpoint? checkpoint, string codePrefix, string stream) =>
        checkpoint is null ? 0
        : long.TryParse(checkpoint.State, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
        : throw new ConnectorException(new ConnectorFailure(
            FailureKind.Config, $"{codePrefix}-CHECKPOINT", $"The {stream} checkpoint '{checkpoint.State}' is not a sequence number; reset the flow's checkpoint."));

    public static SourceCheckpoint To(long seq) => new(seq.ToString(CultureInfo.InvariantCulture));
}
