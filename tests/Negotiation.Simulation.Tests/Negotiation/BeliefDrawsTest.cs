using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>Belief types drawn once per run for all variants of a worker (docs/model.md §3.3, §10).</summary>
public class BeliefDrawsTest
{
    [Fact]
    public void SharedDraws_AreTheTypesEachVariantWouldDrawAlone_WithItsOwnTruth()
    {
        // B's reservation value is uncertain (its set draws types 1..7 and is shared); A's is a plain number (its set is
        // the truth in every type, never shared). The second variant has another truth for B: its type 0 stays its own.
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Linear(), reservationB: Reservation.Constant(new UniformDist(0.3, 0.7)));
        var model = NegotiationModel.Compile(scenario, new ParameterTable());
        var layout = model.Beliefs;
        var alone = new Beliefs(layout);
        var first = new Beliefs(layout);
        var second = new Beliefs(layout);
        var draws = new BeliefDraws();
        first.ShareDraws(draws);
        second.ShareDraws(draws);
        var about = layout.SetFor(0, 1);
        var distinct = new HashSet<double>();
        for (var run = 0; run < 20; run++)
        {
            double[] truth = [0.1, 0.35 + run * 0.01];
            double[] otherTruth = [0.1, 0.65];
            alone.Draw(truth, 5, run);
            first.Draw(truth, 5, run);
            second.Draw(otherTruth, 5, run);
            Advance(alone);
            Advance(first);
            Advance(second);
            for (var set = 0; set < layout.SetCount; set++)
            {
                for (var k = 0; k < alone.TypeCount; k++)
                {
                    Assert.Equal(alone.TypeReservation(set, k), first.TypeReservation(set, k));
                    var expected = set == about && k == 0 ? 0.65 : alone.TypeReservation(set, k);
                    Assert.Equal(expected, second.TypeReservation(set, k));
                }
            }

            distinct.Add(alone.TypeReservation(about, 1));
        }

        Assert.Equal(20, distinct.Count);   // every run drew new types: the copies were not of one run's draws
    }

    [Fact]
    public void Register_SharesOnlyTheSamePriorOnTheSameStream()
    {
        var draws = new BeliefDraws();
        var entry = draws.Register(7, new UniformDist(0.3, 0.7), 1, 8);

        Assert.Equal(entry, draws.Register(7, new UniformDist(0.3, 0.7), 1, 8));   // an equal prior, another instance
        Assert.NotEqual(entry, draws.Register(7, new UniformDist(0.3, 0.8), 1, 8));
        Assert.NotEqual(entry, draws.Register(8, new UniformDist(0.3, 0.7), 1, 8));
        Assert.NotEqual(entry, draws.Register(7, new UniformDist(0.3, 0.7), 0, 8));
    }

    private static void Advance(Beliefs beliefs)
    {
        var rules = new Identity();
        for (var actor = 0; actor < 2; actor++)
        {
            beliefs.AdvanceTypes(actor, firstRound: true, ref rules);
        }
    }

    /// <summary>A type's reservation value is its base value; its aspiration the same.</summary>
    private readonly struct Identity : ITypeRules
    {
        public double Reservation(double baseValue) => baseValue;

        public double PreviousAspiration(double reservation, double previous) => reservation;

        public double Aspiration(double reservation, double previous) => reservation;
    }
}
