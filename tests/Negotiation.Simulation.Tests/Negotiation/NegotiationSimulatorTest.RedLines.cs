using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    private static readonly Gen<(ulong Seed, int Actors, int Issues, bool SingleText, bool Majority)> SmallScenarios =
        Gen.Select(Gen.ULong, Gen.Int[2, 4], Gen.Int[1, 7], Gen.Bool, Gen.Bool);

    [Fact]
    public void Agreement_NeverCrossesARedLine_AndBeatsEverySignersReservation() =>
        SmallScenarios.Sample(x =>
        {
            var scenario = RandomScenarios.Create(x.Seed, x.Actors, x.Issues, x.SingleText, x.Majority);
            var table = new ParameterTable();
            var model = NegotiationModel.Compile(scenario, table);
            var ws = new NegotiationWorkspace(model);
            var p = table.Means();
            for (var run = 0L; run < 4; run++)
            {
                var result = NegotiationSimulator.Run(model, p, x.Seed, run, ws);
                if (!result.Agreed)
                {
                    continue;
                }

                // Count signatories that are within their red lines (checked on the records, not the engine's tables)
                // and at or above their reservation value, with bloc consent.
                var content = 0;
                foreach (var id in scenario.Protocol.Signatories)
                {
                    var actor = scenario.Actor(id);
                    var ok = Content(scenario, actor, ws) &&
                        (actor.Bloc is null || actor.Bloc.Members.All(member => Content(scenario, scenario.Actor(member), ws)));
                    content += ok ? 1 : 0;
                    if (scenario.Protocol.Rule.Kind == SigningRuleKind.Unanimity)
                    {
                        Assert.True(ok, $"{id} signed a package across its red line or below its reservation value");
                    }
                }

                Assert.True(content >= scenario.Protocol.Rule.Required(scenario.Protocol.Signatories.Count));
            }
        }, iter: 300);

    [Fact]
    public void Proposer_NeverProposesAcrossItsOwnRedLines() =>
        SmallScenarios.Sample(x =>
        {
            var scenario = RandomScenarios.Create(x.Seed, x.Actors, x.Issues, x.SingleText, x.Majority);
            var observer = new RecordingObserver();
            TestScenarios.RunOnce(scenario, observer, x.Seed);
            foreach (var offer in observer.Offers.Where(o => o.Proposer >= 0))
            {
                Assert.False(CrossesRedLine(scenario, scenario.Actors[offer.Proposer], offer.Package));
            }
        }, iter: 200);

    private static bool Content(Scenario scenario, Actor actor, NegotiationWorkspace ws)
    {
        var a = scenario.ActorIndex(actor.Id);
        return !CrossesRedLine(scenario, actor, ws.Package) && ws.Utilities[a] >= ws.Reservations[a] - 1e-9;
    }

    private static bool CrossesRedLine(Scenario scenario, Actor actor, ReadOnlySpan<double> package)
    {
        foreach (var line in actor.RedLines)
        {
            var j = scenario.IssueIndex(line.IssueId);
            var issue = scenario.Issues[j];
            if (issue.Kind == IssueKind.Discrete ? line.ExcludedOptions.Contains(issue.Options[(int)package[j]].Id)
                : package[j] < (line.Min ?? double.NegativeInfinity) - 1e-9 || package[j] > (line.Max ?? double.PositiveInfinity) + 1e-9)
            {
                return true;
            }
        }

        return false;
    }
}
