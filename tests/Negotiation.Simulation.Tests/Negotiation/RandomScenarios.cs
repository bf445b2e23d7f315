using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>Small random scenarios for property tests: a pure function of the seed.</summary>
internal static class RandomScenarios
{
    public static Scenario Create(ulong seed, int actorCount, int issueCount, bool singleText = false, bool majority = false)
    {
        var rng = Rng.For(seed, 0, 0);
        var issues = new List<Issue>();
        for (var j = 0; j < issueCount; j++)
        {
            issues.Add(rng.Chance(0.25)
                ? Issue.Continuous("i" + j, "I" + j, 0, 10, resolution: 6)
                : Issue.Discrete("i" + j, "I" + j, Enumerable.Range(0, 2 + rng.NextInt(3)).Select(o => "o" + o).ToArray()));
        }

        var ids = Enumerable.Range(0, actorCount).Select(a => "a" + a).ToArray();
        var bloc = actorCount >= 3 && rng.Chance(0.3);
        var actors = new List<Actor>();
        for (var a = 0; a < actorCount; a++)
        {
            var interests = new List<Interest>();
            var redLines = new List<RedLine>();
            foreach (var issue in issues)
            {
                if (issue.Kind == IssueKind.Discrete)
                {
                    interests.Add(new Interest(issue.Id, rng.NextDouble(),
                        issue.Options.ToDictionary(o => o.Id, _ => (Uncertain)rng.NextDouble()), null));
                    if (rng.Chance(0.3))
                    {
                        redLines.Add(new RedLine(issue.Id, [issue.Options[rng.NextInt(issue.Options.Count)].Id]));
                    }
                }
                else
                {
                    interests.Add(new Interest(issue.Id, rng.NextDouble(), null, 10 * rng.NextDouble(),
                        rng.Chance(0.5) ? LossShape.Linear : LossShape.Quadratic));
                    if (rng.Chance(0.3))
                    {
                        redLines.Add(new RedLine(issue.Id, [], Min: 4 * rng.NextDouble(), Max: 6 + 4 * rng.NextDouble()));
                    }
                }
            }

            var strategy = rng.NextInt(6) switch
            {
                0 => StrategySpec.Boulware(),
                1 => StrategySpec.Linear(),
                2 => StrategySpec.Conceder(),
                3 => StrategySpec.Hardliner(0.3 + 0.6 * rng.NextDouble()),
                4 => StrategySpec.TitForTat(0.5 + rng.NextDouble()),
                _ => StrategySpec.OutsideOption(0.5 + rng.NextDouble()),
            };
            var reservation = new Reservation(0.5 * rng.NextDouble(), rng.Chance(0.3) ? 0.02 * (rng.NextDouble() - 0.5) : 0.0);
            actors.Add(new Actor(ids[a], ids[a], 1.0, interests, redLines, reservation, strategy, ComplianceTraits.Default,
                Bloc: bloc && a == 0 ? new BlocSpec([ids[^1]], SigningRule.Unanimity) : null));
        }

        var signatories = bloc ? ids[..^1] : ids;
        var events = rng.Chance(0.5)
            ? new[]
            {
                new ScenarioEvent("shock", "Shock", 1 + rng.NextInt(5), 0.5,
                    [new ReservationShift(ids[rng.NextInt(actorCount)], 0.4 * (rng.NextDouble() - 0.5)),
                     new ValueShift(ids[rng.NextInt(actorCount)], issues[0].Id, issues[0].Kind == IssueKind.Discrete ? "o0" : null, 0.4 * (rng.NextDouble() - 0.5))]),
            }
            : [];
        var protocol = new Protocol(singleText ? ProtocolKind.SingleText : ProtocolKind.AlternatingOffers, signatories,
            majority ? SigningRule.Majority : SigningRule.Unanimity, signatories, 1 + rng.NextInt(20), 1, singleText ? ids[0] : null);
        return TestScenarios.Build("random-" + seed, issues, actors, protocol, events);
    }
}
