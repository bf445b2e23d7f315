using Negotiation.Core.Model;

namespace Negotiation.Core.Tests.Model;

public class SigningRuleTest
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(30, 30)]
    public void Unanimity_RequiresEverySignature(int count, int required) =>
        Assert.Equal(required, SigningRule.Unanimity.Required(count));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(30, 16)]
    public void Majority_RequiresMoreThanHalf(int count, int required) =>
        Assert.Equal(required, SigningRule.Majority.Required(count));

    [Fact]
    public void Quota_IsCappedAtTheNumberOfSignatories()
    {
        Assert.Equal(2, new SigningRule(SigningRuleKind.Quota, 2).Required(5));
        Assert.Equal(3, new SigningRule(SigningRuleKind.Quota, 7).Required(3));
    }
}
