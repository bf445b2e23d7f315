using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Scenarios.Tests.Genius;

/// <summary>
/// The imported scenario, evaluated with the engine's utility model (CONTRACT: U = Σ w·v / Σ w), agrees with
/// GENIUS's utility divided by the weight sum, for every outcome.
/// </summary>
public partial class GeniusImporterTest
{
    [Fact]
    public void ImportedLaptop_EveryOutcome_HasGeniusUtilityOverTheWeightSum()
    {
        var domain = Fixture.LaptopDomain();
        GeniusProfile[] profiles = [Fixture.LaptopBuyer(domain), Fixture.LaptopSeller(domain)];
        var scenario = GeniusImporter.Import(domain, profiles).Scenario;

        foreach (var laptop in Enumerable.Range(0, 3))
        foreach (var disk in Enumerable.Range(0, 3))
        foreach (var monitor in Enumerable.Range(0, 3))
        {
            int[] choice = [laptop, disk, monitor];
            var genius = choice.Select((k, i) => GeniusValue.Of(domain.Issues[i].Items[k].Value)).ToArray();
            var ours = choice.Select((k, i) => ((string?)scenario.Issues[i].Options[k].Id, double.NaN)).ToArray();
            for (var a = 0; a < profiles.Length; a++)
            {
                var expected = GeniusUtility.Utility(domain, profiles[a], genius) / profiles[a].WeightSum;
                Assert.Equal(expected, EngineUtility(scenario, scenario.Actors[a], ours), 12);
            }
        }
    }

    [Fact]
    public void ImportedNumericIssues_AnyValueInRange_MatchesGeniusEvaluator()
    {
        var domain = Fixture.NumericDomain();
        var profile = Fixture.NumericProfile(domain);
        var scenario = GeniusImporter.Import(domain, [profile, profile]).Scenario;
        var actor = scenario.Actors[0];

        foreach (var (issue, index) in new[] { ("delivery", 3), ("quantity", 4), ("temperature", 5) })
        {
            var source = domain.IssueByIndex(index)!;
            var interest = actor.Interests.Single(i => i.IssueId == issue);
            Gen.Double[source.Lower, source.Upper].Sample(x =>
                Math.Abs(Interpolate(interest.Curve!, x) - GeniusUtility.Evaluate(source, profile.Evaluators[index], GeniusValue.Of(x))) < 1e-12);
        }
    }

    /// <summary>The engine's utility model as CONTRACT.md states it, written out independently of the importer.</summary>
    private static double EngineUtility(Scenario scenario, Actor actor, IReadOnlyList<(string? Option, double Value)> package)
    {
        double weighted = 0, weights = 0;
        foreach (var interest in actor.Interests)
        {
            var term = package[scenario.IssueIndex(interest.IssueId)];
            var value = interest.OptionValues is { } values
                ? values.TryGetValue(term.Option!, out var v) ? v.Mean : 0
                : Interpolate(interest.Curve!, term.Value);
            weighted += interest.Weight.Mean * value;
            weights += interest.Weight.Mean;
        }

        return weights > 0 ? weighted / weights : 0;
    }

    private static double Interpolate(IReadOnlyList<CurvePoint> curve, double x)
    {
        if (x <= curve[0].X)
        {
            return curve[0].Value;
        }

        for (var k = 1; k < curve.Count; k++)
        {
            if (x <= curve[k].X)
            {
                var (a, b) = (curve[k - 1], curve[k]);
                return a.Value + (b.Value - a.Value) * (x - a.X) / (b.X - a.X);
            }
        }

        return curve[^1].Value;
    }
}
