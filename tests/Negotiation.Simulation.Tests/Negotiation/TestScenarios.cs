using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>Scenarios built by hand for the engine and analysis tests.</summary>
internal static class TestScenarios
{
    /// <summary>
    /// The GENIUS Laptop domain (Baarslag et al., ANAC): issues Laptop {Dell, Macintosh, HP}, Harddisk {60, 80, 120},
    /// External monitor {19, 20, 23}; value = evaluation / max evaluation of the issue.
    /// Profile 1: evaluations 12/20/30, 30/20/9, 30/10/20, weights 0.4452, 0.3781, 0.1768.
    /// Profile 2: evaluations 12/30/20, 20/30/9, 3/2/1, weights 0.3781, 0.1768, 0.4452.
    /// </summary>
    public static Scenario Laptop(StrategySpec first, StrategySpec second, int deadline = 100,
        double reservation1 = 0, double reservation2 = 0, ProtocolKind kind = ProtocolKind.AlternatingOffers,
        IReadOnlyList<RedLine>? redLines1 = null, IReadOnlyList<RedLine>? redLines2 = null)
    {
        var issues = new[]
        {
            Issue.Discrete("laptop", "Laptop", "dell", "mac", "hp"),
            Issue.Discrete("harddisk", "Harddisk", "60", "80", "120"),
            Issue.Discrete("monitor", "External monitor", "19", "20", "23"),
        };
        var profile1 = Actor("profile1", first, reservation1, redLines1,
            Discrete("laptop", 0.4452, ("dell", 12), ("mac", 20), ("hp", 30)),
            Discrete("harddisk", 0.3781, ("60", 30), ("80", 20), ("120", 9)),
            Discrete("monitor", 0.1768, ("19", 30), ("20", 10), ("23", 20)));
        var profile2 = Actor("profile2", second, reservation2, redLines2,
            Discrete("laptop", 0.3781, ("dell", 12), ("mac", 30), ("hp", 20)),
            Discrete("harddisk", 0.1768, ("60", 20), ("80", 30), ("120", 9)),
            Discrete("monitor", 0.4452, ("19", 3), ("20", 2), ("23", 1)));
        var actors = new List<Actor> { profile1, profile2 };
        string? mediator = null;
        if (kind == ProtocolKind.SingleText)
        {
            actors.Add(Actor("mediator", StrategySpec.Linear(), 0, null));
            mediator = "mediator";
        }

        return Build("laptop", issues, actors,
            new Protocol(kind, ["profile1", "profile2"], SigningRule.Unanimity, ["profile1", "profile2"], deadline, 1, mediator));
    }

    /// <summary>
    /// One continuous issue x in [0, 100] on a grid of 101 points: "a" wants 100 (U_a = x/100), "b" wants 0
    /// (U_b = 1 − x/100), both with linear loss. Only "a" proposes.
    /// </summary>
    public static Scenario Line(StrategySpec a, StrategySpec b, int deadline = 10, double reservationA = 0,
        Reservation? reservationB = null, IReadOnlyList<ScenarioEvent>? events = null)
    {
        var issue = Issue.Continuous("x", "X", 0, 100, resolution: 101);
        var actorA = new Actor("a", "A", 1.0, [new Interest("x", 1.0, null, 100.0)], [], Reservation.Constant(reservationA), a, ComplianceTraits.Default);
        var actorB = new Actor("b", "B", 1.0, [new Interest("x", 1.0, null, 0.0)], [], reservationB ?? Reservation.Constant(0), b, ComplianceTraits.Default);
        return Build("line", [issue], [actorA, actorB],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b"], SigningRule.Unanimity, ["a"], deadline, 1), events);
    }

    /// <summary>
    /// <paramref name="issues"/> issues with options o0..o3. "a" values o0 1, o1 2/3, o2 1/3, o3 0 everywhere; "b" the
    /// reverse. "a" cares ten times more about the first half of the issues (weight 1 vs .1), "b" about the second half.
    /// </summary>
    public static Scenario LogRolling(int issues, double reservation = 0)
    {
        var list = Enumerable.Range(0, issues).Select(j => Issue.Discrete("i" + j, "I" + j, "o0", "o1", "o2", "o3")).ToArray();
        Interest Interest(int j, double weight, bool reversed) => new("i" + j, weight,
            Enumerable.Range(0, 4).ToDictionary(o => "o" + o, o => (Uncertain)((reversed ? o : 3 - o) / 3.0)), null);
        var half = issues / 2;
        var a = Actor("a", StrategySpec.Linear(), reservation, null,
            Enumerable.Range(0, issues).Select(j => Interest(j, j < half ? 1 : 0.1, false)).ToArray());
        var b = Actor("b", StrategySpec.Linear(), reservation, null,
            Enumerable.Range(0, issues).Select(j => Interest(j, j < half ? 0.1 : 1, true)).ToArray());
        return Build("log-rolling", list, [a, b],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b"], SigningRule.Unanimity, ["a", "b"], 10, 1));
    }

    public static Scenario Build(string id, IReadOnlyList<Issue> issues, IReadOnlyList<Actor> actors, Protocol protocol,
        IReadOnlyList<ScenarioEvent>? events = null, IReadOnlyList<Proposal>? proposals = null) =>
        new(new ScenarioMetadata(id, id, null, [], 1), issues, actors, proposals ?? [], protocol, events ?? [], null);

    public static Actor Actor(string id, StrategySpec strategy, double reservation, IReadOnlyList<RedLine>? redLines, params Interest[] interests) =>
        new(id, id, 1.0, interests, redLines ?? [], Reservation.Constant(reservation), strategy, ComplianceTraits.Default);

    /// <summary>A discrete interest given GENIUS-style evaluations: value = evaluation / max evaluation.</summary>
    public static Interest Discrete(string issue, double weight, params (string Option, double Evaluation)[] evaluations)
    {
        var max = evaluations.Max(e => e.Evaluation);
        return new Interest(issue, weight, evaluations.ToDictionary(e => e.Option, e => (Uncertain)(e.Evaluation / max)), null);
    }

    /// <summary>Compiles and runs once at the parameter means.</summary>
    public static (NegotiationResult Result, NegotiationWorkspace Workspace) RunOnce(Scenario scenario,
        INegotiationObserver? observer = null, ulong seed = 1, long run = 0)
    {
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var workspace = new NegotiationWorkspace(model);
        var result = NegotiationSimulator.Run(model, table.Means(), seed, run, workspace, observer);
        return (result, workspace);
    }
}

/// <summary>Records everything an observer is told.</summary>
internal sealed class RecordingObserver : INegotiationObserver
{
    public List<double[]> Reservations { get; } = [];
    public List<double[]> Aspirations { get; } = [];
    public List<(int Round, int Event)> Events { get; } = [];
    public List<(int Round, int Proposer, double[] Package, double[] Utilities)> Offers { get; } = [];
    public List<(int Round, int Actor, int Bloc, ResponseReason Reason)> Responses { get; } = [];
    public List<(int Round, int Actor)> WalkOuts { get; } = [];
    public NegotiationResult? End { get; private set; }

    public void RoundStarted(int round, ReadOnlySpan<double> reservations, ReadOnlySpan<double> aspirations)
    {
        Reservations.Add(reservations.ToArray());
        Aspirations.Add(aspirations.ToArray());
    }

    public void EventFired(int round, int eventIndex) => Events.Add((round, eventIndex));

    public void OfferMade(int round, int proposer, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities) =>
        Offers.Add((round, proposer, package.ToArray(), utilities.ToArray()));

    public void Responded(int round, int actor, int bloc, ResponseReason reason, double utility, double aspiration, double reservation) =>
        Responses.Add((round, actor, bloc, reason));

    public void WalkedOut(int round, int actor, double reservation, double bestObtainable) => WalkOuts.Add((round, actor));

    public void Ended(NegotiationResult result, ReadOnlySpan<double> package, ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservations) =>
        End = result;
}
