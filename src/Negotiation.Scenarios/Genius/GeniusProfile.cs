using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Genius;

/// <summary>How one actor values one issue in a GENIUS profile; see <see cref="GeniusUtility"/> for the formulas.</summary>
public abstract record GeniusEvaluator;

/// <summary>
/// A discrete issue's <c>evaluation</c> per item value (non-negative numbers). GENIUS divides by the largest
/// evaluation of the issue when that exceeds 1 and uses the numbers as given otherwise.
/// </summary>
public sealed record GeniusDiscreteEvaluator(IReadOnlyDictionary<string, double> Evaluations) : GeniusEvaluator
{
    /// <summary>The largest evaluation of any item (0 when there are none).</summary>
    public double MaxEvaluation => Evaluations.Count == 0 ? 0 : Evaluations.Values.Max();
}

/// <summary>An integer issue's linear evaluator: value = clamp(Slope · (x − lowerbound) + Offset, 0, 1).</summary>
public sealed record GeniusIntegerEvaluator(double Slope, double Offset) : GeniusEvaluator;

/// <summary>The evaluation functions GENIUS offers for real issues (<c>ftype</c>).</summary>
public enum GeniusRealFunction
{
    /// <summary>clamp(parameter1 · x + parameter0, 0, 1).</summary>
    Linear,

    /// <summary>parameter0 everywhere.</summary>
    Constant,

    /// <summary>0 outside [parameter0, parameter1], rising linearly to 1 at parameter2 and falling back to 0.</summary>
    Triangular,
}

/// <summary>A real issue's evaluator with GENIUS's numbered parameters (unused ones are 0).</summary>
public sealed record GeniusRealEvaluator(GeniusRealFunction Function, double Parameter0, double Parameter1, double Parameter2 = 0)
    : GeniusEvaluator;

/// <summary>
/// A GENIUS preference profile (utility space) read against its domain: a weight and an evaluator per issue
/// (keyed by the issue's <c>index</c>), the reservation value (0 when absent) and the raw discount factor.
/// </summary>
public sealed record GeniusProfile(
    string File,
    IReadOnlyDictionary<int, double> Weights,
    IReadOnlyDictionary<int, GeniusEvaluator> Evaluators,
    double Reservation,
    double? DiscountFactor,
    SourcePosition Position)
{
    /// <summary>
    /// The discount factor in effect: GENIUS treats a factor ≤ 0 or &gt; 1 (and an absent one) as no
    /// discounting, which is a factor of 1.
    /// </summary>
    public double EffectiveDiscountFactor => DiscountFactor is > 0 and <= 1 ? DiscountFactor.Value : 1.0;

    /// <summary>True when utilities shrink over time (0 &lt; d &lt; 1).</summary>
    public bool IsDiscounted => EffectiveDiscountFactor < 1;

    /// <summary>The sum of the issue weights (GENIUS expects 1).</summary>
    public double WeightSum => Weights.Values.Sum();
}
