using Negotiation.Core.Model;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>
/// Scenarios built in C# for the compliance tests: two (or more) parties to a weekly ceasefire with one discrete
/// issue, "monitoring" (none | joint), that term conditions can refer to.
/// </summary>
internal static class Ceasefire
{
    public static readonly Issue Monitoring = Issue.Discrete("monitoring", "Monitoring", "none", "joint");

    public static Actor Party(string id, ComplianceTraits? traits = null, params string[] answersFor) =>
        new(id, id, 1.0, [], [], Reservation.Constant(0.5), StrategySpec.Linear(), traits ?? ComplianceTraits.Default,
            AnswersFor: answersFor.Length == 0 ? null : answersFor);

    public static ComplianceTraits Traits(ResponseKind response, double discount = 0.95, double forgiveness = 0.5, double tolerance = 2) =>
        new(response, discount, forgiveness, tolerance);

    public static Provision Provision(string id, double temptation, double penalty, params string[] obligated) =>
        new(id, id, obligated, temptation, penalty);

    public static ComplianceDesign Design(
        IReadOnlyList<Provision> provisions,
        IReadOnlyList<Mechanism>? mechanisms = null,
        IReadOnlyList<Spoiler>? spoilers = null,
        IReadOnlyList<Stage>? stages = null,
        RenewalTerms? renewal = null,
        int horizon = 52,
        double periodDays = 7,
        double? rateUnitDays = null) =>
        new(horizon, periodDays, provisions, mechanisms ?? [], spoilers ?? [], stages ?? [], renewal) { RateUnitDays = rateUnitDays };

    /// <summary>A scenario whose signatories are all the given actors.</summary>
    public static Scenario Scenario(ComplianceDesign? design, params Actor[] actors) =>
        new(new ScenarioMetadata("ceasefire", "Generic ceasefire", null, [], 1),
            [Monitoring],
            actors,
            [],
            new Protocol(ProtocolKind.AlternatingOffers, actors.Select(a => a.Id).ToArray(), SigningRule.Unanimity,
                actors.Select(a => a.Id).ToArray(), 10, 7),
            [],
            design);

    /// <summary>
    /// The calibration scenario: government and rebels both bound by a ceasefire worth 0.6 against a reservation
    /// of 0.5 (surplus 0.1 per week), temptation per week log-normal around <see cref="MechanismDefaults.GenericTemptation"/>
    /// with σ <see cref="MechanismDefaults.GenericTemptationSpread"/> (run it with a sampling rig), no penalty of its
    /// own, default traits (forgiving tit-for-tat, δ 0.95, forgiveness 0.5); rates per week, one year of 364 days
    /// simulated in periods of <paramref name="periodDays"/> days.
    /// </summary>
    public static Scenario Generic(double periodDays, params Mechanism[] mechanisms) =>
        Scenario(
            Design(
                [new("ceasefire", "ceasefire", ["government", "rebels"],
                    new LogNormalDist(Math.Log(MechanismDefaults.GenericTemptation), MechanismDefaults.GenericTemptationSpread), 0.0)],
                mechanisms,
                horizon: (int)Math.Round(ComplianceCalibration.YearDays / periodDays),
                periodDays: periodDays,
                rateUnitDays: MechanismDefaults.CalibrationUnitDays),
            Party("government"),
            Party("rebels"));

    /// <summary><see cref="Generic(double, Mechanism[])"/> in weekly periods.</summary>
    public static Scenario Generic(params Mechanism[] mechanisms) => Generic(7, mechanisms);

    public static Mechanism Mechanism(string id, MechanismKind kind, double? detection = null, double? falseAlarm = null,
        double? penalty = null, string? stage = null, TermCondition? when = null) =>
        new(id, id, kind, detection is { } d ? d : null, falseAlarm is { } f ? f : null, penalty is { } q ? q : null, stage, when);
}

/// <summary>A compiled scenario with its parameter means, ready to run: what the Monte Carlo runner does, in small.</summary>
internal sealed class ComplianceRig
{
    private readonly ParameterSampler? _sampler;
    private readonly List<(int Slot, double Value)> _overrides = [];

    /// <param name="sample">Draw each run's parameters from their distributions (as the Monte Carlo runner does); otherwise every run uses the means.</param>
    public ComplianceRig(Scenario scenario, double utility = 0.6, double reservation = 0.5, double[]? package = null, bool sample = false)
    {
        Parameters = new ParameterTable();
        Model = ComplianceModel.Compile(scenario, Parameters);
        P = Parameters.Means();
        _sampler = sample ? new ParameterSampler(Parameters) : null;
        Workspace = new ComplianceWorkspace(Model);
        Utilities = Enumerable.Repeat(utility, scenario.Actors.Count).ToArray();
        Reservations = Enumerable.Repeat(reservation, scenario.Actors.Count).ToArray();
        Package = package ?? new double[scenario.Issues.Count];
    }

    public ParameterTable Parameters { get; }
    public ComplianceModel Model { get; }
    public double[] P { get; }
    public ComplianceWorkspace Workspace { get; }
    public double[] Utilities { get; }
    public double[] Reservations { get; }
    public double[] Package { get; }

    public void Set(string path, double value)
    {
        var slot = Parameters.IndexOf(path);
        P[slot] = value;
        _overrides.Add((slot, value));
    }

    public ComplianceResult Run(long run, ulong seed = 42, IComplianceObserver? observer = null)
    {
        if (_sampler is not null)
        {
            _sampler.Sample(seed, run, P);
            foreach (var (slot, value) in _overrides)
            {
                P[slot] = value;
            }
        }

        return ComplianceSimulator.Run(Model, P, Package, Utilities, Reservations, seed, run, Workspace, observer);
    }

    /// <summary>Share of <paramref name="runs"/> runs still holding after <paramref name="periods"/> periods.</summary>
    public double Holding(int runs, int periods, ulong seed = 42)
    {
        var held = 0;
        for (var r = 0; r < runs; r++)
        {
            if (Run(r, seed).PeriodsHeld >= periods)
            {
                held++;
            }
        }

        return (double)held / runs;
    }

    /// <summary>Share of <paramref name="runs"/> runs that held to the horizon.</summary>
    public double Survival(int runs, ulong seed = 42)
    {
        var held = 0;
        for (var r = 0; r < runs; r++)
        {
            if (Run(r, seed).Cause == CollapseCause.None)
            {
                held++;
            }
        }

        return (double)held / runs;
    }
}
