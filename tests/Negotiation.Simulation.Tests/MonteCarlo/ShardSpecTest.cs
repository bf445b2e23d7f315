using CsCheck;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Simulation.Tests.MonteCarlo;

public class ShardSpecTest
{
    [Fact]
    public void TenRunsInThreeShards_SplitAs3_3_4()
    {
        Assert.Equal((0L, 3L), new ShardSpec(1, 3).Range(10));
        Assert.Equal((3L, 6L), new ShardSpec(2, 3).Range(10));
        Assert.Equal((6L, 10L), new ShardSpec(3, 3).Range(10));
    }

    [Fact]
    public void Shards_AreContiguousDisjointAndCoverEveryRun()
    {
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Int[1, 64]).Sample((runs, count) =>
        {
            long expectedStart = 0;
            for (var k = 1; k <= count; k++)
            {
                var (start, end) = new ShardSpec(k, count).Range(runs);
                if (start != expectedStart || end < start)
                {
                    return false;
                }

                expectedStart = end;
            }

            return expectedStart == runs;
        });
    }

    [Theory]
    [InlineData("3/8", 3, 8)]
    [InlineData("1/1", 1, 1)]
    public void TryParse_ReadsKOverN(string text, int k, int n) => Assert.Equal(new ShardSpec(k, n), ShardSpec.TryParse(text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("1/0")]
    public void TryParse_RejectsMalformedShards(string text) => Assert.Null(ShardSpec.TryParse(text));
}
