using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>
/// A party to the negotiation (a state, an alliance, an armed group). Its utility for a package is the
/// weight-normalised sum of its valuations of the terms it cares about.
/// </summary>
/// <param name="Power">Capability or influence (default 1); used by mediators and by analysis that weighs actors.</param>
/// <param name="Interests">Salience and valuation per issue the actor cares about; issues not listed carry no weight.</param>
/// <param name="RedLines">Terms the actor will never accept, whatever else it is offered.</param>
/// <param name="Reservation">The value of no deal (BATNA) on the 0–1 utility scale, and how it moves each round.</param>
/// <param name="Bloc">Set when the actor is a bloc whose acceptance needs its members' internal consent.</param>
/// <param name="AnswersFor">Actors whose compliance this actor guarantees (Russia for the Syrian government).</param>
public sealed record Actor(
    string Id,
    string Name,
    Uncertain Power,
    IReadOnlyList<Interest> Interests,
    IReadOnlyList<RedLine> RedLines,
    Reservation Reservation,
    StrategySpec Strategy,
    ComplianceTraits Compliance,
    BlocSpec? Bloc = null,
    IReadOnlyList<string>? AnswersFor = null,
    string? Description = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>
    /// A short label (<c>short:</c>, at most <see cref="ShortLabel.MaxLength"/> characters) for places with little room:
    /// chart legends and axes, table headers. Null: those places wrap <see cref="Name"/>.
    /// </summary>
    public string? Short { get; init; }

    /// <summary>What one more round at the table costs the actor, in utility (docs/model.md §3.3); null: 0.</summary>
    public Uncertain? DelayCost { get; init; }

    /// <summary>
    /// The actor's audience cost κ when it authors the opening text: settling for x below the opening x⁰ costs it
    /// κ·(U(x⁰) − U(x)) (Fearon 1994; docs/model.md §3.3); null: 0.
    /// </summary>
    public Uncertain? AudienceCost { get; init; }

    /// <summary>
    /// Misperception: this actor's own prior about another actor's reservation value, by that actor's id (docs/model.md
    /// §3.3). An actor not listed is seen through the distribution the scenario gives for its reservation value.
    /// </summary>
    public IReadOnlyDictionary<string, Uncertain>? Beliefs { get; init; }
}

/// <summary>How an actor values the outcomes of a continuous issue away from its ideal point.</summary>
public enum LossShape
{
    /// <summary>value = 1 − |x − ideal| / (max − min).</summary>
    Linear,

    /// <summary>value = 1 − ((x − ideal) / (max − min))².</summary>
    Quadratic,
}

/// <summary>
/// What one issue means to one actor: a salience <paramref name="Weight"/> and either a value in [0, 1] per
/// option (discrete issues), or for a continuous issue an ideal point with a loss shape or a piecewise-linear
/// <paramref name="Curve"/> of (value of the issue, utility) points, flat beyond its ends.
/// </summary>
public sealed record Interest(
    string IssueId,
    Uncertain Weight,
    IReadOnlyDictionary<string, Uncertain>? OptionValues,
    Uncertain? Ideal,
    LossShape Loss = LossShape.Linear,
    IReadOnlyList<CurvePoint>? Curve = null)
{
    public SourcePosition? Position { get; init; }
}

/// <summary>One point of a piecewise-linear valuation of a continuous issue: at <paramref name="X"/> the value is <paramref name="Value"/>.</summary>
public sealed record CurvePoint(double X, double Value);

/// <summary>
/// Terms an actor never accepts: listed options of a discrete issue, or values outside [Min, Max] of a
/// continuous one.
/// </summary>
public sealed record RedLine(string IssueId, IReadOnlyList<string> ExcludedOptions, double? Min = null, double? Max = null)
{
    public SourcePosition? Position { get; init; }
}

/// <summary>
/// The value of no agreement (BATNA) on the actor's 0–1 utility scale at round 0, and the change per round:
/// positive when time works for the actor (a siege progressing), negative when it works against it.
/// </summary>
public sealed record Reservation(Uncertain Value, Uncertain TrendPerRound)
{
    public static Reservation Constant(Uncertain value) => new(value, 0.0);
}

/// <summary>The negotiation strategies an actor can follow; see docs/model.md for each rule.</summary>
public enum StrategyKind
{
    /// <summary>Faratin–Sierra–Jennings time-dependent concession with exponent e (boulware e &lt; 1, linear e = 1, conceder e &gt; 1).</summary>
    TimeDependent,

    /// <summary>Concede as much as the others conceded in the previous round, scaled by a reciprocity factor.</summary>
    TitForTat,

    /// <summary>A fixed aspiration that never falls.</summary>
    Hardliner,

    /// <summary>Time-dependent concession that walks away when the BATNA beats what can still be obtained.</summary>
    OutsideOption,
}

/// <summary>
/// An actor's negotiation strategy and its parameters.
/// </summary>
/// <param name="Exponent">The concession exponent e of the time-dependent curve (GENIUS convention).</param>
/// <param name="Start">Aspiration at round 0, as a share of the best utility the actor can get (default 1).</param>
/// <param name="Floor">Lowest aspiration; when absent the actor's reservation value at that round.</param>
/// <param name="Reciprocity">Tit-for-tat: the share of the others' last concession the actor returns.</param>
/// <param name="Level">Hardliner: the fixed aspiration.</param>
public sealed record StrategySpec(
    StrategyKind Kind,
    Uncertain Exponent,
    Uncertain Start,
    Uncertain? Floor = null,
    Uncertain? Reciprocity = null,
    Uncertain? Level = null)
{
    public static StrategySpec Boulware(double e = 0.2) => new(StrategyKind.TimeDependent, e, 1.0);

    public static StrategySpec Linear() => new(StrategyKind.TimeDependent, 1.0, 1.0);

    public static StrategySpec Conceder(double e = 2.0) => new(StrategyKind.TimeDependent, e, 1.0);

    public static StrategySpec Hardliner(double level) => new(StrategyKind.Hardliner, 1.0, 1.0, Level: level);

    public static StrategySpec TitForTat(double reciprocity = 1.0) =>
        new(StrategyKind.TitForTat, 1.0, 1.0, Reciprocity: reciprocity);

    public static StrategySpec OutsideOption(double e = 1.0) => new(StrategyKind.OutsideOption, e, 1.0);
}

/// <summary>How a party answers a detected violation of an agreement.</summary>
public enum ResponseKind
{
    /// <summary>Abandon the agreement at the first detected violation.</summary>
    GrimTrigger,

    /// <summary>Retaliate for one period, then return to compliance with probability Forgiveness.</summary>
    ForgivingTitForTat,

    /// <summary>Retaliate in proportion to the violation; collapse only after repeated violations.</summary>
    Proportional,
}

/// <summary>
/// How an actor behaves once an agreement is signed.
/// </summary>
/// <param name="Discount">Per-period discount factor δ: how much the actor values the agreement's future.</param>
/// <param name="Forgiveness">Probability of returning to compliance after retaliating (forgiving tit-for-tat).</param>
/// <param name="Tolerance">Proportional response: detected violations tolerated before the actor abandons the agreement.</param>
public sealed record ComplianceTraits(ResponseKind Response, Uncertain Discount, Uncertain Forgiveness, Uncertain Tolerance)
{
    public static ComplianceTraits Default { get; } = new(ResponseKind.ForgivingTitForTat, 0.95, 0.5, 2.0);
}

/// <summary>A rule for how many of a list must agree.</summary>
public enum SigningRuleKind
{
    Unanimity,
    Majority,
    Quota,
}

/// <summary>Unanimity, simple majority, or at least <see cref="Quota"/> of the list.</summary>
public sealed record SigningRule(SigningRuleKind Kind, int Quota = 0)
{
    public static SigningRule Unanimity { get; } = new(SigningRuleKind.Unanimity);

    public static SigningRule Majority { get; } = new(SigningRuleKind.Majority);

    /// <summary>How many of <paramref name="count"/> must agree under this rule.</summary>
    public int Required(int count) => Kind switch
    {
        SigningRuleKind.Unanimity => count,
        SigningRuleKind.Majority => count / 2 + 1,
        _ => Math.Min(Quota, count),
    };
}

/// <summary>A bloc (NATO) speaks for its members and needs their internal consent under <see cref="Consent"/>.</summary>
public sealed record BlocSpec(IReadOnlyList<string> Members, SigningRule Consent);
