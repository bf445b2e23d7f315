using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>Who proposes under <c>recognition: power</c> (docs/model.md §3.3; Baron &amp; Ferejohn 1989).</summary>
public partial class NegotiationSimulatorTest
{
    [Fact]
    public void PowerRecognition_DrawsProposers_InProportionToPower()
    {
        // Three hardliners who never agree; powers 1, 2 and 5: proposers drawn with chances 1/8, 2/8, 5/8 per round.
        var random = RandomScenarios.Create(31, 3, 2);
        double[] powers = [1, 2, 5];
        var scenario = random with
        {
            Actors = random.Actors.Select((a, i) => a with { Power = powers[i], Strategy = StrategySpec.Hardliner(1.5) }).ToArray(),
            Protocol = random.Protocol with { Recognition = RecognitionKind.Power, Deadline = 10, Proposers = random.Actors.Select(a => a.Id).ToList() },
            Events = [],
        };
        var observer = new RecordingObserver();
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var ws = new NegotiationWorkspace(model);
        var counts = new int[3];
        for (var run = 0; run < 2000; run++)
        {
            observer.Offers.Clear();
            NegotiationSimulator.Run(model, table.Means(), 9, run, ws, observer);
            foreach (var offer in observer.Offers)
            {
                counts[offer.Proposer]++;
            }
        }

        var total = counts.Sum();
        Assert.True(total >= 15_000, $"only {total} offers");
        for (var a = 0; a < 3; a++)
        {
            var expected = powers[a] / 8;
            var share = (double)counts[a] / total;
            Assert.True(Math.Abs(share - expected) < 4 * Math.Sqrt(expected * (1 - expected) / total), $"actor {a}: {share:0.000}, expected {expected:0.000}");
        }
    }

    [Theory]
    [InlineData(41UL)]
    [InlineData(42UL)]
    [InlineData(43UL)]
    public void PowerRecognition_DoesNotDependOnTheOrderOfTheProposers(ulong seed)
    {
        var random = RandomScenarios.Create(seed, 3, 4);
        var listed = random with { Protocol = random.Protocol with { Recognition = RecognitionKind.Power } };
        var reversed = listed with { Protocol = listed.Protocol with { Proposers = listed.Protocol.Proposers.Reverse().ToList() } };
        var tableA = new ParameterTable();
        var modelA = NegotiationModel.Compile(listed, tableA);
        var modelB = NegotiationModel.Compile(reversed, new ParameterTable());
        var wsA = new NegotiationWorkspace(modelA);
        var wsB = new NegotiationWorkspace(modelB);
        var sampler = new ParameterSampler(tableA);
        var p = new double[sampler.Count];
        for (var run = 0; run < 200; run++)
        {
            sampler.Sample(seed, run, p);
            Assert.Equal(NegotiationSimulator.Run(modelA, p, seed, run, wsA), NegotiationSimulator.Run(modelB, p, seed, run, wsB));
            Assert.Equal(wsA.Utilities.ToArray(), wsB.Utilities.ToArray());
        }
    }
}
