using IntegrationHub.Connectors.Sandboxing;
using Xunit;

namespace IntegrationHub.Connectors.Tests.Kit;

/// <summary>The change log a sandbox's keyset feed pages through: (position, id) order, no change lost or repeated.</summary>
public sealed class SandboxChangeLogTests
{
    private static SandboxChangeLog<string> Log(params (long Position, string Id)[] changes)
    {
        var log = new SandboxChangeLog<string>();
        foreach (var (position, id) in changes)
        {
            log.Append(position, id, $"{position}:{id}");
        }

        return log;
    }

    [Fact]
    public void Changes_of_one_instant_are_ordered_by_id_and_read_strictly_after_the_cursor()
    {
        var log = Log((10, "c"), (10, "a"), (10, "b"), (11, "a"));

        var (first, more) = log.Read(null, null, 2);
        var (rest, none) = log.Read(10, "b", 10);

        Assert.Equal(["10:a", "10:b"], first);
        Assert.True(more);
        Assert.Equal(["10:c", "11:a"], rest);
        Assert.False(none);
    }

    [Fact]
    public void A_run_of_one_instant_a_reader_has_seen_is_closed_so_no_later_change_sorts_before_its_cursor()
    {
        var log = Log((10, "b"));
        log.Read(null, null, 10);

        Assert.Equal(11, log.NextPosition);
        Assert.Throws<InvalidOperationException>(() => log.Append(10, "a", "lost"));
    }

    [Fact]
    public void A_sequence_log_reads_from_the_next_position_and_a_filter_does_not_fake_more()
    {
        var log = Log((1, string.Empty), (2, string.Empty), (3, string.Empty), (4, string.Empty));

        var (page, more) = log.Read(1, null, 2, item => item != "4:");
        var (last, after) = log.Read(3, null, 5, item => item != "4:");

        Assert.Equal(["2:", "3:"], page);
        Assert.False(more);
        Assert.Empty(last);
        Assert.False(after);
    }
}
