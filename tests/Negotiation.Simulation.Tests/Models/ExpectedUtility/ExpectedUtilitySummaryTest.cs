using Negotiation.Core.Model;
using Negotiation.Simulation.Models.ExpectedUtility;

namespace Negotiation.Simulation.Tests.Models.ExpectedUtility;

public class ExpectedUtilitySummaryTest
{
    private static IssuePrediction Issue(IssueKind kind, string[] order, double[]? nearest) =>
        new("i", "I", kind, order, 0, 1, null, new Band(0, 0, 0, 0), 0, nearest, new Band(0, 0, 0, 0), 0, 0, null, []);

    [Theory]
    [InlineData(new[] { 0.2, 0.5, 0.3 }, 1)]
    [InlineData(new[] { 0.4, 0.2, 0.4 }, 0)]   // a tie: the first in the order
    [InlineData(new[] { 0.1, 0.1, 0.8 }, 2)]
    public void ModalOption_IsTheOptionNearestInTheMostRuns_FirstOnTies(double[] shares, int expected) =>
        Assert.Equal(expected, Issue(IssueKind.Discrete, ["a", "b", "c"], shares).ModalOption);

    [Fact]
    public void ModalOption_IsMinusOne_WithoutASharePerOption()
    {
        Assert.Equal(-1, Issue(IssueKind.Continuous, [], null).ModalOption);
        Assert.Equal(-1, Issue(IssueKind.Discrete, ["a", "b", "c"], [0.5, 0.5]).ModalOption);
    }
}
