using CsCheck;
using Negotiation.Core.Model;
using Negotiation.Simulation.Analysis;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    [Fact]
    public void TimeDependentParties_AgreeByTheDeadline_WheneverAZopaExists()
    {
        var withZopa = 0;
        Gen.Select(Gen.ULong, Gen.Int[2, 3], Gen.Int[1, 5], Gen.Double[0.2, 3]).Sample((seed, actors, issues, e) =>
        {
            var random = RandomScenarios.Create(seed, actors, issues);
            var scenario = random with
            {
                Actors = random.Actors.Select(a => a with
                {
                    Strategy = StrategySpec.Boulware(e) with { Exponent = e },
                    Reservation = Reservation.Constant(a.Reservation.Value),
                    Bloc = null,
                }).ToArray(),
                Events = [],
                Protocol = random.Protocol with { Signatories = random.Actors.Select(a => a.Id).ToArray(), Proposers = random.Actors.Select(a => a.Id).ToArray(), Deadline = 20 },
            };
            if (!ScenarioAnalysis.Analyze(scenario).Zopa.Exists)
            {
                return;
            }

            Interlocked.Increment(ref withZopa);
            var (result, _) = TestScenarios.RunOnce(scenario);
            Assert.True(result.Agreed, $"no agreement in {scenario.Metadata.Id} with e = {e}: {result}");
        }, iter: 300);
        Assert.True(withZopa > 100, $"only {withZopa} sampled scenarios had a zone of agreement");
    }
}
