using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

public sealed partial class ComplianceSimulatorTest
{
    // Parties: usa 0, russia 1 (answers for the regime), regime 2.
    private static ComplianceRig Guaranteed(ComplianceTraits usa, ComplianceTraits russia, IReadOnlyList<Provision> provisions, int horizon = 1) =>
        new(Ceasefire.Scenario(
            Ceasefire.Design(provisions, [Certain()], horizon: horizon),
            Ceasefire.Party("usa", usa),
            Ceasefire.Party("russia", russia, "regime"),
            Ceasefire.Party("regime", Patient())));

    [Fact]
    public void Guarantor_PaysItsClientsPenalty()
    {
        var rig = Guaranteed(Patient(), Patient(), [Ceasefire.Provision("flights", Always, 0.1, "regime")], horizon: 10);
        var observer = new RecordingObserver();

        rig.Run(0, observer: observer);

        // Each of the regime's violations is seen (certain monitoring): regime and Russia each pay the provision's 0.1.
        var seen = observer.Detections.Count;
        Assert.True(seen > 0);
        Assert.Equal([0.0, 0.1 * seen, 0.1 * seen], rig.Workspace.Penalties.ToArray().Select(x => Math.Round(x, 9)));
    }

    [Fact]
    public void Guarantor_DoesNotAnswerItsOwnClientsViolation()
    {
        // Russia is grim but answers for the regime, so the regime's violation does not make Russia quit.
        var result = Guaranteed(Patient(), Ceasefire.Traits(ResponseKind.GrimTrigger), [Ceasefire.Provision("flights", Always, 0, "regime")], horizon: 10).Run(0);

        Assert.Equal(CollapseCause.None, result.Cause);
        Assert.Equal(2, result.FirstViolator);
    }

    [Fact]
    public void ClientViolation_CountsAgainstGuarantor_InProportionalResponse()
    {
        // USA tolerates 1 violation per offender. A run whose one period shows one regime violation then one
        // Russian one: the regime's counts against Russia too (regime 1, Russia 1: tolerated), Russia's own makes
        // Russia 2 > 1: the USA quits. The same run without the guarantee (same draws) leaves Russia at 1: it holds.
        var provisions = new[] { Ceasefire.Provision("flights", Always, 0, "regime"), Ceasefire.Provision("pullback", Always, 0, "russia") };
        var unguaranteedRig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design(provisions, [Certain()], horizon: 1),
            Ceasefire.Party("usa", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1)),
            Ceasefire.Party("russia", Patient()),
            Ceasefire.Party("regime", Patient())));
        var (_, unguaranteed) = FirstRunWhere(unguaranteedRig, o => o.Detections.Select(d => d.Party).SequenceEqual([2, 1]));
        var run = Enumerable.Range(0, 10_000).First(r =>
        {
            var o = new RecordingObserver();
            unguaranteedRig.Run(r, observer: o);
            return o.Detections.Select(d => d.Party).SequenceEqual([2, 1]);
        });

        var guaranteed = Guaranteed(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1), Patient(), provisions).Run(run);

        Assert.Equal(CollapseCause.None, unguaranteed.Cause);
        Assert.Equal(new ComplianceResult(0, CollapseCause.Violation, 2, 0), guaranteed);
    }
}
