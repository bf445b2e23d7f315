using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// The shadow of the future at the table: the share of a term's value an actor expects to receive after signature.
/// Government and rebels; the rebels are bound by a pull-back that exists only if the package includes joint
/// monitoring (issue "monitoring": none = candidate 0, joint = candidate 1).
/// </summary>
public sealed class PackageAftermathTest
{
    // Weights [actor · 1 + issue]; values [actor · 2 + candidate]: the rebels' best is 0.9 against a reservation of
    // 0.5, so their expected surplus is (0.9 − 0.5) / 2 = 0.2 per week.
    private static readonly double[] Weight = [1, 1];
    private static readonly double[] Value = [0.3, 1.0, 0.2, 0.9];
    private static readonly double[] Reservation = [0.5, 0.5];

    private static double[] Keep(params Mechanism[] mechanisms)
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("pullback", 0.3, 0, "rebels") with { When = new TermCondition("monitoring", ["joint"]) }], mechanisms),
            Ceasefire.Party("government"),
            Ceasefire.Party("rebels"));
        var parameters = new ParameterTable();
        var model = ComplianceModel.Compile(scenario, parameters);
        var aftermath = PackageAftermath.For(model, [0, 2], [0, 1])!;
        var keep = new double[4];

        aftermath.Fill(parameters.Means(), Weight, Value, Reservation, keep);

        return keep;
    }

    [Fact]
    public void PartnerBoundByATerm_KeepsItWithTheChanceItDoesNotViolate()
    {
        // Government forgiving (0.5): C = 0.5; D = 0.5; cost = 0.5 · (0 + 0.5 · 0.2 / −ln 0.95) = 0.974786;
        // v = 1 − Φ(ln(0.974786 / 0.3) + 0.5) = 0.046631: the government keeps 0.953369 of its value of "joint".
        var keep = Keep();

        Assert.Equal(1.0, keep[0]);                  // government, none: no provision tied to it
        Assert.Equal(0.953369, keep[1], 1e-6);       // government, joint
        Assert.Equal([1.0, 1.0], keep[2..]);          // the rebels are the ones bound: face value
    }

    [Fact]
    public void MonitorTiedToTheSameTerm_RaisesTheKeptShare()
    {
        // A monitor that comes with "joint" (detection 0.6): D = 0.8, cost = 1.559658, v = 0.015839.
        var keep = Keep(Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0,
            when: new TermCondition("monitoring", ["joint"])));

        Assert.Equal(1 - 0.015839, keep[1], 1e-6);
    }

    [Fact]
    public void NoProvisionTiedToATerm_NoAftermath()
    {
        var scenario = Ceasefire.Scenario(Ceasefire.Design([Ceasefire.Provision("truce", 0.3, 0, "rebels")]), Ceasefire.Party("government"), Ceasefire.Party("rebels"));

        Assert.Null(PackageAftermath.For(ComplianceModel.Compile(scenario, new ParameterTable()), [0, 2], [0, 1]));
    }
}
