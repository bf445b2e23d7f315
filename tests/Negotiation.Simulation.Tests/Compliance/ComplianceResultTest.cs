using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed class ComplianceResultTest
{
    [Theory]
    [InlineData(0b101, 0, true)]
    [InlineData(0b101, 1, false)]
    [InlineData(0b101, 2, true)]
    public void Reached_ReadsTheStagesBit(int stages, int stage, bool expected)
    {
        Assert.Equal(expected, new ComplianceResult(5, CollapseCause.None, -1, stages).Reached(stage));
    }

    [Fact]
    public void NotSimulated_HeldNothing_NoCause_NoViolator_NoStages()
    {
        Assert.Equal(new ComplianceResult(0, CollapseCause.None, -1, 0), ComplianceResult.NotSimulated);
    }
}
