using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests.Binding;

public class StrategyBinderTest
{
    /// <summary>Gives russia the strategy (line 10, value at column 15).</summary>
    private static string WithStrategy(string strategy) => Fixture.Minimal.Replace("  russia:\n", $"  russia:\n    strategy: {strategy}\n");

    private static StrategySpec Strategy(string strategy) => Fixture.Load(WithStrategy(strategy)).Baseline.Scenario.Actor("russia").Strategy;

    [Fact]
    public void Presets_SetTheirExponents()
    {
        Assert.Equal(StrategySpec.Boulware(0.2), Strategy("boulware"));
        Assert.Equal(StrategySpec.Conceder(2), Strategy("conceder"));
        Assert.Equal(StrategySpec.TitForTat(1), Strategy("tit-for-tat"));
        Assert.Equal(StrategySpec.OutsideOption(1), Strategy("outside-option"));
    }

    [Fact]
    public void Mapping_OverridesThePresetsParameters()
    {
        Assert.Equal(
            new StrategySpec(StrategyKind.TimeDependent, new PertDist(0.1, 0.2, 0.5), 0.9, Floor: 0.3),
            Strategy("{type: boulware, e: {dist: pert, min: 0.1, mode: 0.2, max: 0.5}, start: 0.9, floor: 0.3}"));
    }

    [Fact]
    public void HardlinerWithoutLevel_IsAnError()
    {
        Assert.Equal(
            "10:15: actors.russia.strategy is hardliner without a level; expected {type: hardliner, level: <aspiration between 0 and 1>}",
            Fixture.Error(WithStrategy("hardliner")));
    }

    [Fact]
    public void UnknownStrategy_SuggestsTheClosest()
    {
        Assert.Equal("10:15: actors.russia.strategy is 'bouleware'; did you mean 'boulware'?", Fixture.Error(WithStrategy("bouleware")));
    }

    [Fact]
    public void ZeroExponent_IsAnError()
    {
        Assert.Equal("10:35: actors.russia.strategy.e is 0; expected a number > 0", Fixture.Error(WithStrategy("{type: conceder, e: 0}")));
    }
}
