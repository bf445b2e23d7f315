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
        var rig = Guaranteed(Patient(), Patient(), [Ceasefire.Provision("flights", Always, 0.1, "regime")]);

        rig.Run(0);

        // The regime's violation is seen (certain monitoring): regime and Russia each pay the provision's 0.1.
        Assert.Equal([0.0, 0.1, 0.1], rig.Workspace.Penalties.ToArray());
    }

    [Fact]
    public void Guarantor_DoesNotAnswerItsOwnClientsViolation()
    {
        // Russia is grim but answers for the regime, so the regime's violation does not make Russia quit.
        var result = Guaranteed(Patient(), Ceasefire.Traits(ResponseKind.GrimTrigger), [Ceasefire.Provision("flights", Always, 0, "regime")]).Run(0);

        Assert.Equal(CollapseCause.None, result.Cause);
        Assert.Equal(2, result.FirstViolator);
    }

    [Fact]
    public void ClientViolation_CountsAgainstGuarantor_InProportionalResponse()
    {
        // USA tolerates 1 violation per offender. Period 1: the regime violates (regime 1, Russia 1: tolerated),
        // then Russia violates its own provision (Russia 2 > 1): the USA quits. Without the guarantee Russia would be at 1.
        var provisions = new[] { Ceasefire.Provision("flights", Always, 0, "regime"), Ceasefire.Provision("pullback", Always, 0, "russia") };

        var guaranteed = Guaranteed(Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1), Patient(), provisions).Run(0);

        Assert.Equal(new ComplianceResult(0, CollapseCause.Violation, 2, 0), guaranteed);
    }

    [Fact]
    public void ClientViolation_WithoutGuarantee_CountsOnlyAgainstTheClient()
    {
        var provisions = new[] { Ceasefire.Provision("flights", Always, 0, "regime"), Ceasefire.Provision("pullback", Always, 0, "russia") };
        var rig = new ComplianceRig(Ceasefire.Scenario(
            Ceasefire.Design(provisions, [Certain()], horizon: 1),
            Ceasefire.Party("usa", Ceasefire.Traits(ResponseKind.Proportional, tolerance: 1)),
            Ceasefire.Party("russia", Patient()),
            Ceasefire.Party("regime", Patient())));

        Assert.Equal(CollapseCause.None, rig.Run(0).Cause);
    }
}
