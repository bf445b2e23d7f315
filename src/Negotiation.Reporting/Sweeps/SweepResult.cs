using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Sweeps;

/// <summary>One swept parameter: its scenario path and the values it takes, in sweep order (ascending).</summary>
public sealed record SweepAxis(string Path, IReadOnlyList<double> Values);

/// <summary>
/// One figure at one sweep point: an estimate with its 95% interval. Rates also carry their count and base
/// (<paramref name="Count"/> of <paramref name="Total"/>); an expected utility has neither.
/// </summary>
/// <param name="Id">Stable id used in sweep.csv and sweep.json: <c>agreement_rate</c>,
/// <c>expected_utility.&lt;actor&gt;</c> or <c>one_year_survival</c>.</param>
public sealed record SweepFigure(string Id, string Name, double Estimate, Interval Ci95, long? Count = null, long? Total = null);

/// <summary>The figures of one point of the sweep: the swept values (one per axis, axis order) and the runs behind them.</summary>
public sealed record SweepPoint(IReadOnlyList<double> Values, long Runs, IReadOnlyList<SweepFigure> Figures)
{
    /// <summary>The figure with id <paramref name="id"/>, or null when this point has none (e.g. no compliance section).</summary>
    public SweepFigure? Figure(string id) => Figures.FirstOrDefault(f => f.Id == id);
}

/// <summary>An actor as sweep figures name it.</summary>
public sealed record SweepActor(string Id, string Name);

/// <summary>
/// A parameter sweep: one variant of one scenario simulated at every point of a one- or two-dimensional grid
/// of parameter values, each point with the same seed and runs (common random numbers). Points are in grid
/// order, the first axis varying slowest. When interrupted, <see cref="Points"/> holds the completed points only.
/// </summary>
public sealed record SweepResult(
    string ScenarioId,
    string Title,
    string SourcePath,
    string VariantId,
    string VariantName,
    ulong Seed,
    long Runs,
    bool Complete,
    int PlannedPoints,
    IReadOnlyList<SweepAxis> Axes,
    IReadOnlyList<SweepActor> Actors,
    bool HasCompliance,
    IReadOnlyList<SweepPoint> Points)
{
    /// <summary>
    /// The shards (K/N of the points) this result covers when it is not the whole sweep (<c>sweep --shard</c>, or a
    /// merge with --allow-partial); empty for a whole sweep.
    /// </summary>
    public IReadOnlyList<string> Shards { get; init; } = [];

    /// <summary>Identifies the input (scenario bytes, variant, parameters): sweep shards merge only when it agrees.</summary>
    public string Fingerprint { get; init; } = "";

    public const string AgreementRate = "agreement_rate";

    public const string OneYearSurvival = "one_year_survival";

    public static string ExpectedUtility(string actorId) => "expected_utility." + actorId;
}
