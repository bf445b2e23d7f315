using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>Every distribution form loads, and impossible parameters are reported at the distribution.</summary>
public class DistributionBinderTest
{
    /// <summary>Puts <paramref name="power"/> as russia's power (limits: >= 0) on line 10, value at column 12.</summary>
    private static string WithPower(string power) => Fixture.Minimal.Replace("  russia:\n", $"  russia:\n    power: {power}\n");

    private static Uncertain Power(string power) => Fixture.Load(WithPower(power)).Baseline.Scenario.Actor("russia").Power;

    [Fact]
    public void EveryForm_LoadsIntoItsRecord()
    {
        Assert.Equal(new Fixed(2.5), Power("2.5"));
        Assert.Equal(new Fixed(1000), Power("1e3"));
        Assert.Equal(new UniformDist(1, 2), Power("{dist: uniform, min: 1, max: 2}"));
        Assert.Equal(new TriangularDist(1, 2, 4), Power("{dist: triangular, min: 1, mode: 2, max: 4}"));
        Assert.Equal(new PertDist(1, 2, 4), Power("{dist: pert, min: 1, mode: 2, max: 4}"));
        Assert.Equal(new NormalDist(2, 0.5, 0, 4), Power("{dist: normal, mean: 2, sd: 0.5, min: 0, max: 4}"));
        Assert.Equal(new LogNormalDist(0, 0.5), Power("{dist: lognormal, mu: 0, sigma: 0.5}"));
        Assert.Equal(new BetaDist(2, 5, 0, 3), Power("{dist: beta, alpha: 2, beta: 5, max: 3}"));
    }

    [Theory]
    [InlineData("{dist: uniform, min: 3, max: 2}", "10:12: actors.russia.power has min 3 greater than max 2; expected min <= max")]
    [InlineData("{dist: pert, min: 1, mode: 5, max: 4}", "10:12: actors.russia.power.mode is 5, outside [min, max] = [1, 4]; expected min <= mode <= max")]
    [InlineData("{dist: triangular, min: 2, mode: 2, max: 2}", "10:12: actors.russia.power has min 2 equal to max 2; expected min < max")]
    [InlineData("{dist: normal, mean: 2, sd: -1, min: 0}", "10:40: actors.russia.power.sd is -1; expected sd >= 0")]
    [InlineData("{dist: lognormal, mu: 0, sigma: 0}", "10:44: actors.russia.power.sigma is 0; expected sigma > 0")]
    [InlineData("{dist: beta, alpha: 0, beta: 1}", "10:32: actors.russia.power.alpha is 0; expected alpha > 0")]
    [InlineData("{dist: pert, min: 1, max: 4}", "10:12: missing required key 'mode' in actors.russia.power; expected mode: <number>")]
    [InlineData("{dist: pret, min: 1, mode: 2, max: 4}", "10:19: actors.russia.power.dist is 'pret'; did you mean 'pert'?")]
    [InlineData("{dist: uniform, min: 1, max: 2, mode: 1}", "10:44: unknown key 'mode' in actors.russia.power; expected one of: dist, min, max")]
    [InlineData("{min: 1, max: 2}", "10:12: actors.russia.power is a mapping without 'dist'; expected a number or a distribution such as {dist: pert, min: 0.2, mode: 0.3, max: 0.4}")]
    [InlineData("[1, 2]", "10:12: actors.russia.power is a list; expected a number or a distribution such as {dist: pert, min: 0.2, mode: 0.3, max: 0.4}")]
    [InlineData("abc", "10:12: actors.russia.power is 'abc'; expected a number or a distribution such as {dist: pert, min: 0.2, mode: 0.3, max: 0.4}")]
    [InlineData(".inf", "10:12: actors.russia.power is '.inf'; expected a number or a distribution such as {dist: pert, min: 0.2, mode: 0.3, max: 0.4}")]
    [InlineData("{dist: uniform, min: -1, max: 2}", "10:12: actors.russia.power can take values in [-1, 2]; expected a number >= 0 for every draw (narrow or truncate the distribution)")]
    public void ImpossibleParameters_AreReportedWithTheirPosition(string power, string expected)
    {
        Assert.Equal(expected, Fixture.Error(WithPower(power)));
    }
}
