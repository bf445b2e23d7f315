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

    /// <summary>
    /// Three terms for monitoring (none, joint, un); the pull-back binds the rebels under joint or UN monitoring, and
    /// the monitor comes only with "joint". The two bound terms bring different mechanisms, so each gets its own
    /// chance (the hand values above: 1 − 0.015839 with the monitor, 0.953369 without); with no monitor at all they
    /// bring the same and share one.
    /// </summary>
    [Theory]
    [InlineData(true, 1 - 0.015839, 0.953369)]
    [InlineData(false, 0.953369, 0.953369)]
    public void TermsBringingDifferentMechanisms_EachGetTheirOwnChance(bool monitorWithJoint, double joint, double un)
    {
        Mechanism[] mechanisms = monitorWithJoint
            ? [Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0, when: new TermCondition("monitoring", ["joint"]))]
            : [];
        var keep = ThreeTermKeep(mechanisms);

        Assert.Equal(1.0, keep[0]);                // government, none
        Assert.Equal(joint, keep[1], 1e-6);        // government, joint
        Assert.Equal(un, keep[2], 1e-6);           // government, un
        Assert.Equal([1.0, 1.0, 1.0], keep[3..]);  // the rebels are bound: face value
    }

    [Fact]
    public void Memo_CopiesOnlyWhenEveryInputIsTheSame()
    {
        var (aftermath, p) = ThreeTermAftermath([Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0, when: new TermCondition("monitoring", ["joint"]))]);
        var memo = new AftermathMemo();
        var entry = memo.Register(aftermath);
        var fresh = new double[6];
        var memoised = new double[6];

        aftermath.Fill(p, Weight, ThreeTermValue, Reservation, fresh);
        memo.Fill(entry, aftermath, p, Weight, ThreeTermValue, Reservation, memoised);
        Assert.Equal(fresh, memoised);
        memo.Fill(entry, aftermath, p, Weight, ThreeTermValue, Reservation, memoised);   // copied
        Assert.Equal(fresh, memoised);

        // The rebels' best value falls to 0.7: surplus 0.1, a smaller cost of violating, a lower kept share. A memo
        // that copied regardless would keep the old factors.
        double[] lower = [0.3, 1.0, 1.0, 0.2, 0.7, 0.7];
        aftermath.Fill(p, Weight, lower, Reservation, fresh);
        memo.Fill(entry, aftermath, p, Weight, lower, Reservation, memoised);
        Assert.Equal(fresh, memoised);
        Assert.True(memoised[1] < 1 - 0.015839 - 1e-4, $"kept share {memoised[1]}: the changed surplus was not seen");
    }

    [Fact]
    public void SameAs_HoldsForTheSameDesignCompiledTwice_NotForAnotherMechanism()
    {
        var monitor = Ceasefire.Mechanism("jmc", MechanismKind.JointMonitoring, detection: 0.6, penalty: 0, when: new TermCondition("monitoring", ["joint"]));
        var (first, _) = ThreeTermAftermath([monitor]);
        var (again, _) = ThreeTermAftermath([monitor]);
        var (without, _) = ThreeTermAftermath([]);
        var memo = new AftermathMemo();

        Assert.True(first.SameAs(again));
        Assert.False(first.SameAs(without));
        Assert.Equal(memo.Register(first), memo.Register(again));
        Assert.NotEqual(memo.Register(first), memo.Register(without));
    }

    // Values [actor · 3 + candidate] for none, joint, un: the rebels' best is still 0.9 (surplus 0.2).
    private static readonly double[] ThreeTermValue = [0.3, 1.0, 1.0, 0.2, 0.9, 0.9];

    private static (PackageAftermath Aftermath, double[] Parameters) ThreeTermAftermath(Mechanism[] mechanisms)
    {
        var scenario = Ceasefire.Scenario(
            Ceasefire.Design([Ceasefire.Provision("pullback", 0.3, 0, "rebels") with { When = new TermCondition("monitoring", ["joint", "un"]) }], mechanisms),
            Ceasefire.Party("government"),
            Ceasefire.Party("rebels")) with
        {
            Issues = [Issue.Discrete("monitoring", "Monitoring", "none", "joint", "un")],
        };
        var parameters = new ParameterTable();
        var model = ComplianceModel.Compile(scenario, parameters);
        return (PackageAftermath.For(model, [0, 3], [0, 1, 2])!, parameters.Means());
    }

    private static double[] ThreeTermKeep(Mechanism[] mechanisms)
    {
        var (aftermath, p) = ThreeTermAftermath(mechanisms);
        var keep = new double[6];
        aftermath.Fill(p, Weight, ThreeTermValue, Reservation, keep);
        return keep;
    }
}
