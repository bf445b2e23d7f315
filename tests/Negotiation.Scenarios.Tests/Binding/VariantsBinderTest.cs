using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>Variants (set/remove on a copy of the base) and sweep overrides, with errors where the user wrote them.</summary>
public class VariantsBinderTest
{
    /// <summary>Appends a variant "v" whose body lines start at line 20 (indented four spaces).</summary>
    private static string WithVariant(params string[] lines) =>
        Fixture.Minimal + "\nvariants:\n  v:\n" + string.Join('\n', lines.Select(l => "    " + l));

    [Fact]
    public void Set_ReplacesAndAddsNodes_WithoutChangingTheBaseline()
    {
        var set = Fixture.Load(WithVariant("set:", "  protocol.deadline: 3", "  actors.usa.power: 2", "  protocol.signatories: [usa]"));
        var variant = set.Variants[1].Scenario;
        Assert.Equal((3, new Fixed(2)), (variant.Protocol.Deadline, variant.Actor("usa").Power));
        Assert.Equal(["usa"], variant.Protocol.Signatories);
        Assert.Equal((10, new Fixed(1)), (set.Baseline.Scenario.Protocol.Deadline, set.Baseline.Scenario.Actor("usa").Power));
    }

    [Fact]
    public void Set_CanAddressAListItemByIndex()
    {
        var set = Fixture.Load(WithVariant("set:", "  issues.accession.options.2: forbidden", "  actors.russia.interests.accession.values: {forbidden: 1}"));
        Assert.Equal("forbidden", set.Variants[1].Scenario.Issue("accession").Options[2].Id);
    }

    [Fact]
    public void Remove_DeletesTheNode()
    {
        var set = Fixture.Load(WithVariant("remove: [actors.russia.interests.troops]"));
        Assert.Single(set.Variants[1].Scenario.Actor("russia").Interests);
        Assert.Equal(2, set.Baseline.Scenario.Actor("russia").Interests.Count);
    }

    [Fact]
    public void SetPathThroughAMissingKey_IsReportedAtThePathWithASuggestion()
    {
        Assert.Equal(
            "21:14: path 'actors.rusia.reservation' does not exist: actors has no key 'rusia'; did you mean 'russia'?",
            Fixture.Error(WithVariant("set:", "  actors.rusia.reservation: 0.3")));
    }

    [Fact]
    public void RemovePathThatDoesNotExist_IsReportedAtThePath()
    {
        Assert.Equal(
            "20:23: path 'protocol.mediator' does not exist: protocol has no key 'mediator'; expected one of: deadline",
            Fixture.Error(WithVariant("remove: [protocol.mediator]")));
    }

    [Fact]
    public void PathThroughAScalar_IsReported()
    {
        Assert.Equal(
            "21:25: path 'protocol.deadline.max' does not exist: protocol.deadline is '10', which has no keys; expected a path through mappings",
            Fixture.Error(WithVariant("set:", "  protocol.deadline.max: 3")));
    }

    [Fact]
    public void InvalidValueSetByAVariant_PointsAtTheVariantText_AndNamesTheVariant()
    {
        Assert.Equal(
            "21:26: variant 'v': protocol.deadline is 0; expected a whole number between 1 and 10000",
            Fixture.Error(WithVariant("set:", "  protocol.deadline: 0")));
    }

    [Fact]
    public void RemovingARequiredSection_IsReportedForTheVariant()
    {
        Assert.Equal(
            "1:1: variant 'v': missing required key 'protocol' at the top level; expected protocol: {deadline: <rounds>, ...}",
            Fixture.Error(WithVariant("remove: [protocol]")));
    }

    [Fact]
    public void ErrorInTheBase_IsReportedOnceNotOncePerVariant()
    {
        var yaml = WithVariant("name: V").Replace("weight: 0.6", "weight: -1") + "\n  w: {name: W}";
        Assert.Equal(["11:27: actors.russia.interests.accession.weight is -1; expected a number >= 0"], Fixture.Errors(yaml));
    }

    [Fact]
    public void VariantWithTheBaselineId_IsAnError()
    {
        var yaml = Fixture.Minimal + "\nvariants:\n  baseline: {name: Again}";
        Assert.Equal(
            "19:3: variant id 'baseline' is the baseline's id; expected a distinct id (or rename the baseline with baseline: {id: ...})",
            Fixture.Error(yaml));
    }

    [Fact]
    public void UnknownVariantKey_SuggestsTheClosest()
    {
        Assert.Equal("20:5: unknown key 'sett' in variants.v; did you mean 'set'?", Fixture.Error(WithVariant("sett: {}")));
    }

    [Fact]
    public void Override_ReplacesANumberInEveryVariant()
    {
        var yaml = WithVariant("set:", "  protocol.deadline: 3").Replace("  usa:\n", "  usa:\n    power: 2\n");
        var set = Fixture.Load(yaml, new ParameterOverride("actors.usa.power", 0.5));
        Assert.All(set.Variants, v => Assert.Equal(new Fixed(0.5), v.Scenario.Actor("usa").Power));
    }

    [Fact]
    public void Override_AppliesAfterTheVariantsOwnOverrides()
    {
        var set = Fixture.Load(WithVariant("set:", "  protocol.deadline: 3"), new ParameterOverride("protocol.deadline", 7));
        Assert.Equal([7, 7], set.Variants.Select(v => v.Scenario.Protocol.Deadline));
    }

    [Fact]
    public void Override_ForOneVariant_LeavesTheOthersAsWritten()
    {
        var set = ScenarioLoader.LoadText(WithVariant("set:", "  protocol.deadline: 3"), "s.yaml", [new ParameterOverride("protocol.deadline", 7)], "v");
        Assert.Equal([10, 7], set.Variants.Select(v => v.Scenario.Protocol.Deadline));
    }

    [Fact]
    public void Override_ForOneVariant_MayChangeANodeOnlyThatVariantHas()
    {
        // The baseline has no 'germany' key under actors; the override would fail there, but it is not applied there.
        var yaml = WithVariant("set:", "  actors.germany: {name: Germany, power: 1, interests: {troops: {weight: 1, ideal: 0}}}");
        var set = ScenarioLoader.LoadText(yaml, "s.yaml", [new ParameterOverride("actors.germany.power", 0.3)], "v");
        Assert.Equal(new Fixed(0.3), set.Variants[1].Scenario.Actor("germany").Power);
    }

    [Fact]
    public void Override_ReplacesADistributionField()
    {
        var yaml = Fixture.Minimal.Replace("  russia:\n", "  russia:\n    reservation: {dist: pert, min: 0.1, mode: 0.2, max: 0.5}\n");
        var set = Fixture.Load(yaml, new ParameterOverride("actors.russia.reservation.mode", 0.4));
        Assert.Equal(Reservation.Constant(new PertDist(0.1, 0.4, 0.5)), set.Baseline.Scenario.Actor("russia").Reservation);
    }

    [Fact]
    public void Override_OfAMissingPath_NamesThePath()
    {
        Assert.Equal(
            "1:1: parameter override 'actors.rusia.power': path 'actors.rusia.power' does not exist: actors has no key 'rusia'; did you mean 'russia'?",
            Fixture.Error(Fixture.Minimal, new ParameterOverride("actors.rusia.power", 1)));
    }

    [Fact]
    public void Override_OfANonNumber_IsAnError()
    {
        Assert.Equal(
            "1:1: parameter override 'protocol': protocol is a mapping, not a number; expected a path to a number or a distribution",
            Fixture.Error(Fixture.Minimal, new ParameterOverride("protocol", 1)));
    }

    [Fact]
    public void Override_OutsideTheAllowedRange_IsValidatedLikeTheFile()
    {
        Assert.Equal(
            "1:1: actors.usa.power is -1; expected a number >= 0",
            Fixture.Error(Fixture.Minimal.Replace("  usa:\n", "  usa:\n    power: 2\n"), new ParameterOverride("actors.usa.power", -1)));
    }

    [Fact]
    public void Override_OfAKeyTheFileDoesNotWrite_IsAnError()
    {
        Assert.Equal(
            "1:1: parameter override 'actors.usa.power': path 'actors.usa.power' does not exist: actors.usa has no key 'power'; expected one of: interests",
            Fixture.Error(Fixture.Minimal, new ParameterOverride("actors.usa.power", 1)));
    }

    [Fact]
    public void Override_OfAWholeDistribution_FixesTheParameter()
    {
        var yaml = Fixture.Minimal.Replace("  russia:\n", "  russia:\n    reservation: {dist: uniform, min: 0.1, max: 0.5}\n");
        var set = Fixture.Load(yaml, new ParameterOverride("actors.russia.reservation", 0.25));
        Assert.Equal(Reservation.Constant(0.25), set.Baseline.Scenario.Actor("russia").Reservation);
    }

    [Fact]
    public void Override_WithAnEmptySegmentOrAnInfiniteValue_IsAnError()
    {
        Assert.Equal(
            [
                "1:1: parameter override 'protocol..deadline': path 'protocol..deadline' is not valid; expected dot-separated keys such as actors.russia.reservation",
                "1:1: parameter override 'protocol.deadline': the value is infinity; expected a finite number",
            ],
            Fixture.Errors(Fixture.Minimal, new ParameterOverride("protocol..deadline", 1), new ParameterOverride("protocol.deadline", double.PositiveInfinity)));
    }

    /// <summary>The full fixture with its variants replaced by <paramref name="variants"/> (YAML lines under <c>variants:</c>).</summary>
    private static string FullWithVariants(params string[] variants)
    {
        var full = Fixture.Text("full.yaml");
        return full[..full.IndexOf("\nvariants:", StringComparison.Ordinal)] + "\nvariants:\n" + string.Join('\n', variants.Select(l => "  " + l)) + "\n";
    }

    [Fact]
    public void OnlyOpeningDiffers_IsTrueOnlyForAVariantThatChangesTheOpeningAndNothingElse()
    {
        var set = Fixture.Load(FullWithVariants(
            "reply:", "  set: {protocol.opening: ten-point}",
            "same:", "  set: {protocol.opening: russia-draft-2021}",
            "longer:", "  set: {protocol.opening: ten-point, protocol.deadline: 13}",
            "no-jic:", "  remove: [compliance.mechanisms.jic]"));

        Assert.Equal(
            [("russian-drafts", false), ("reply", true), ("same", true), ("longer", false), ("no-jic", false)],
            set.Variants.Select(v => (v.Id, v.OnlyOpeningDiffers)));
    }

    [Fact]
    public void OnlyOpeningDiffers_IsFalse_WhenASweepOverrideAppliesToTheVariantAlone()
    {
        var yaml = FullWithVariants("reply:", "  set: {protocol.opening: ten-point}");
        var power = new ParameterOverride("actors.russia.power", 0.5);

        Assert.True(ScenarioLoader.LoadText(yaml, "s.yaml", [power]).Variants[1].OnlyOpeningDiffers);
        Assert.False(ScenarioLoader.LoadText(yaml, "s.yaml", [power], "reply").Variants[1].OnlyOpeningDiffers);
    }
}
