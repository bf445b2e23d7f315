using BenchmarkDotNet.Attributes;
using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Benchmarks;

/// <summary>
/// One compliance run of a 52-period (weekly, one-year) agreement with the 2016 Syria structure: two obligated
/// parties and their guarantors, joint monitoring staged after seven days, a demilitarised zone, a spoiler.
/// Expected: no allocation per run (<see cref="MemoryDiagnoserAttribute"/> reports 0 B).
/// </summary>
[MemoryDiagnoser]
public class ComplianceBenchmarks
{
    private ComplianceModel _model = null!;
    private ComplianceWorkspace _workspace = null!;
    private double[] _p = [];
    private readonly double[] _package = [1];
    private readonly double[] _utilities = [0.6, 0.6, 0.6, 0.6];
    private readonly double[] _reservations = [0.5, 0.5, 0.5, 0.5];
    private long _run;

    [GlobalSetup]
    public void Setup()
    {
        static Actor Party(string id, ComplianceTraits traits, params string[] answersFor) =>
            new(id, id, 1.0, [], [], Reservation.Constant(0.5), StrategySpec.Linear(), traits, AnswersFor: answersFor.Length == 0 ? null : answersFor);

        var design = new ComplianceDesign(
            52,
            7,
            [
                new Provision("ground-flights", "Ground flights", ["regime"], new PertDist(0.01, 0.03, 0.08), 0.05),
                new Provision("castello-pullback", "Castello Road pull-back", ["regime", "opposition"], 0.05, 0.05),
            ],
            [
                new Mechanism("jic", "Joint Implementation Center", MechanismKind.JointMonitoring, Stage: "jic"),
                new Mechanism("castello-dmz", "Castello Road DMZ", MechanismKind.DemilitarisedZone),
            ],
            [new Spoiler("nusra", "Jabhat al-Nusra", 0.05, 0.3, ["opposition"])],
            [new Stage("jic", "JIC starts", 7, 0.02)],
            new RenewalTerms(1825, 365, 0.1));
        var actors = new[]
        {
            Party("usa", ComplianceTraits.Default, "opposition"),
            Party("russia", ComplianceTraits.Default with { Forgiveness = 0.4 }, "regime"),
            Party("regime", ComplianceTraits.Default with { Response = ResponseKind.Proportional }),
            Party("opposition", ComplianceTraits.Default with { Response = ResponseKind.Proportional }),
        };
        var ids = actors.Select(a => a.Id).ToArray();
        var scenario = new Scenario(
            new ScenarioMetadata("bench", "Compliance benchmark", null, [], 1),
            [Issue.Discrete("monitoring", "Monitoring", "none", "joint")],
            actors,
            [],
            new Protocol(ProtocolKind.AlternatingOffers, ids, SigningRule.Unanimity, ids, 10, 7),
            [],
            design);
        var table = new ParameterTable();
        _model = ComplianceModel.Compile(scenario, table);
        _p = table.Means();
        _workspace = new ComplianceWorkspace(_model);
    }

    [Benchmark]
    public int OneYearAgreement() =>
        ComplianceSimulator.Run(_model, _p, _package, _utilities, _reservations, 42, _run++, _workspace).PeriodsHeld;
}
