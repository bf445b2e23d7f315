using Negotiation.Simulation.Negotiation;

namespace Negotiation.Simulation.Tests.Negotiation;

public class ObtainabilityMemoTest
{
    // Three actors; the test is actor 0's, so thresholds are (its own reservation, party 1's, party 2's).
    private static readonly double[] Remembered = [0.4, 0.5, 0.6];

    [Theory]
    [InlineData(0.30, 0.5, 0.6, true)]    // the same test
    [InlineData(0.35, 0.5, 0.7, true)]    // harder: higher minimum, party 2 higher
    [InlineData(0.25, 0.5, 0.6, false)]   // easier minimum: a package may exist
    [InlineData(0.30, 0.49, 0.7, false)]  // party 1 softer: a package may exist
    public void RememberedNo_AnswersOnlyTestsAtLeastAsHard(double minimum, double party1, double party2, bool decided)
    {
        var memo = new ObtainabilityMemo(3, 8);
        memo.Remember(0, 0, 5, 0.30, Remembered, 7, obtainable: false);

        var recalled = memo.TryRecall(0, 0, 5, minimum, [0.4, party1, party2], 7, out var obtainable);

        Assert.Equal(decided, recalled);
        Assert.False(obtainable);
    }

    [Theory]
    [InlineData(0.30, 0.5, 0.6, true)]    // the same test
    [InlineData(0.20, 0.45, 0.6, true)]   // easier: lower minimum, party 1 softer
    [InlineData(0.31, 0.5, 0.6, false)]   // higher minimum: the package found may not do
    [InlineData(0.30, 0.5, 0.61, false)]  // party 2 harder: the package found may not do
    public void RememberedYes_AnswersOnlyTestsAtMostAsHard(double minimum, double party1, double party2, bool decided)
    {
        var memo = new ObtainabilityMemo(3, 8);
        memo.Remember(0, 1, 2, 0.30, Remembered, 7, obtainable: true);

        var recalled = memo.TryRecall(0, 1, 2, minimum, [0.4, party1, party2], 7, out var obtainable);

        Assert.Equal(decided, recalled);
        Assert.Equal(decided, obtainable);
    }

    [Fact]
    public void Answers_AreKeptPerActorSlotAndLevel_AndForgottenWhenTheUtilitiesChangeOrARunStarts()
    {
        var memo = new ObtainabilityMemo(3, 8);
        memo.Remember(0, 0, 5, 0.30, Remembered, 7, obtainable: false);

        Assert.True(memo.TryRecall(0, 0, 5, 0.30, Remembered, 7, out _));
        Assert.False(memo.TryRecall(0, 0, 5, 0.30, Remembered, 8, out _));   // the utility tables changed (an event)
        Assert.False(memo.TryRecall(0, 0, 4, 0.30, Remembered, 7, out _));   // another level
        Assert.False(memo.TryRecall(0, 1, 5, 0.30, Remembered, 7, out _));   // the other chance
        Assert.False(memo.TryRecall(1, 0, 5, 0.30, Remembered, 7, out _));   // another actor's test
        memo.Clear();
        Assert.False(memo.TryRecall(0, 0, 5, 0.30, Remembered, 7, out _));
    }
}
