using BenchmarkDotNet.Attributes;
using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Benchmarks;

/// <summary>
/// One negotiation in the GENIUS Laptop domain, Boulware (e = 0.2) against Conceder (e = 2), 100-round deadline:
/// the pairing NegMAS runs at about 600 negotiations per second on the team's machine. [MemoryDiagnoser] must show 0 B.
/// </summary>
[MemoryDiagnoser]
public class NegotiationBenchmarks
{
    private NegotiationModel _model = null!;
    private NegotiationWorkspace _workspace = null!;
    private double[] _parameters = null!;
    private long _run;

    [GlobalSetup]
    public void Setup()
    {
        var table = new ParameterTable();
        _model = NegotiationModel.Compile(Laptop(), table);
        _workspace = new NegotiationWorkspace(_model);
        _parameters = table.Means();
    }

    [Benchmark(Description = "Laptop, Boulware vs Conceder, 100 rounds")]
    public NegotiationResult LaptopBoulwareVsConceder() =>
        NegotiationSimulator.Run(_model, _parameters, 42, _run++, _workspace);

    /// <summary>The GENIUS Laptop domain; values are evaluation / max evaluation of the issue.</summary>
    private static Scenario Laptop()
    {
        static Interest Discrete(string issue, double weight, params (string Option, double Evaluation)[] evaluations)
        {
            var max = evaluations.Max(e => e.Evaluation);
            return new Interest(issue, weight, evaluations.ToDictionary(e => e.Option, e => (Uncertain)(e.Evaluation / max)), null);
        }

        var issues = new[]
        {
            Issue.Discrete("laptop", "Laptop", "dell", "mac", "hp"),
            Issue.Discrete("harddisk", "Harddisk", "60", "80", "120"),
            Issue.Discrete("monitor", "External monitor", "19", "20", "23"),
        };
        var boulware = new Actor("profile1", "Profile 1", 1.0,
            [
                Discrete("laptop", 0.4452, ("dell", 12), ("mac", 20), ("hp", 30)),
                Discrete("harddisk", 0.3781, ("60", 30), ("80", 20), ("120", 9)),
                Discrete("monitor", 0.1768, ("19", 30), ("20", 10), ("23", 20)),
            ],
            [], Reservation.Constant(0), StrategySpec.Boulware(0.2), ComplianceTraits.Default);
        var conceder = new Actor("profile2", "Profile 2", 1.0,
            [
                Discrete("laptop", 0.3781, ("dell", 12), ("mac", 30), ("hp", 20)),
                Discrete("harddisk", 0.1768, ("60", 20), ("80", 30), ("120", 9)),
                Discrete("monitor", 0.4452, ("19", 3), ("20", 2), ("23", 1)),
            ],
            [], Reservation.Constant(0), StrategySpec.Conceder(2), ComplianceTraits.Default);
        var protocol = new Protocol(ProtocolKind.AlternatingOffers, ["profile1", "profile2"], SigningRule.Unanimity,
            ["profile1", "profile2"], 100, 1);
        return new Scenario(new ScenarioMetadata("laptop", "GENIUS Laptop domain", null, [], 1), issues, [boulware, conceder], [],
            protocol, [], null);
    }
}
