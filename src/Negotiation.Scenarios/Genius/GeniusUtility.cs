namespace Negotiation.Scenarios.Genius;

/// <summary>One term of a GENIUS outcome: an item value (discrete issues) or a number (integer and real issues).</summary>
public readonly record struct GeniusValue(string? Item, double Number)
{
    public static GeniusValue Of(string item) => new(item, double.NaN);

    public static GeniusValue Of(double number) => new(null, number);
}

/// <summary>
/// GENIUS 10.x's utility rules for linear additive profiles (genius.core.utility.AdditiveUtilitySpace and the
/// Evaluator classes), so that an imported domain can be checked against GENIUS by hand. See docs/genius.md.
/// U(ω) = Σ_i w_i · e_i(ω_i), weights used as given (GENIUS expects them to sum to 1).
/// </summary>
public static class GeniusUtility
{
    /// <summary>
    /// Discrete: e = evaluation / max evaluation of the issue when that maximum exceeds 1 (the usual integer
    /// evaluations), else the evaluation as given (GENIUS's "absolute" evaluations in [0, 1]).
    /// </summary>
    public static double Discrete(GeniusDiscreteEvaluator evaluator, string item)
    {
        if (!evaluator.Evaluations.TryGetValue(item, out var evaluation))
        {
            throw new ArgumentException($"'{item}' has no evaluation", nameof(item));
        }

        var max = evaluator.MaxEvaluation;
        return max > 1 ? evaluation / max : evaluation;
    }

    /// <summary>Integer: e = clamp(slope · (x − lowerbound) + offset, 0, 1).</summary>
    public static double Integer(GeniusIntegerEvaluator evaluator, double lowerBound, double x) =>
        Clamp01(evaluator.Slope * (x - lowerBound) + evaluator.Offset);

    /// <summary>
    /// Real: linear e = clamp(parameter1 · x + parameter0, 0, 1); constant e = parameter0; triangular (GENIUS's
    /// EVALFUNCTYPE.evalTriangular with lower = parameter0, upper = parameter1, top = parameter2): 0 below the
    /// lower end, (x − lower)/(top − lower) up to the top, 1 − (x − top)/(upper − top) up to the upper end, 0 beyond.
    /// </summary>
    public static double Real(GeniusRealEvaluator evaluator, double x)
    {
        switch (evaluator.Function)
        {
            case GeniusRealFunction.Linear:
                return Clamp01(evaluator.Parameter1 * x + evaluator.Parameter0);
            case GeniusRealFunction.Constant:
                return evaluator.Parameter0;
            default:
                var (lower, upper, top) = (evaluator.Parameter0, evaluator.Parameter1, evaluator.Parameter2);
                if (x < lower)
                {
                    return 0;
                }

                if (x < top)
                {
                    return (x - lower) / (top - lower);
                }

                return x < upper ? 1 - (x - top) / (upper - top) : 0;
        }
    }

    /// <summary>The evaluation e_i in [0, 1] of one term for one issue.</summary>
    public static double Evaluate(GeniusIssue issue, GeniusEvaluator evaluator, GeniusValue value) => evaluator switch
    {
        GeniusDiscreteEvaluator d => Discrete(d, value.Item ?? throw new ArgumentException($"issue '{issue.Name}' needs an item", nameof(value))),
        GeniusIntegerEvaluator i => Integer(i, issue.Lower, value.Number),
        GeniusRealEvaluator r => Real(r, value.Number),
        _ => throw new ArgumentOutOfRangeException(nameof(evaluator)),
    };

    /// <summary>
    /// U(ω) = Σ_i w_i · e_i(ω_i) over the domain's issues; <paramref name="outcome"/> holds one term per issue in
    /// the domain's order.
    /// </summary>
    public static double Utility(GeniusDomain domain, GeniusProfile profile, IReadOnlyList<GeniusValue> outcome)
    {
        if (outcome.Count != domain.Issues.Count)
        {
            throw new ArgumentException($"an outcome needs {domain.Issues.Count} terms, got {outcome.Count}", nameof(outcome));
        }

        var utility = 0.0;
        for (var i = 0; i < domain.Issues.Count; i++)
        {
            var issue = domain.Issues[i];
            utility += profile.Weights[issue.Index] * Evaluate(issue, profile.Evaluators[issue.Index], outcome[i]);
        }

        return utility;
    }

    /// <summary>
    /// GENIUS's time discounting: U · d^t at normalised time t in [0, 1]; a factor ≤ 0 or &gt; 1 means none.
    /// </summary>
    public static double Discounted(double utility, double discountFactor, double time) =>
        discountFactor is > 0 and < 1 ? utility * Math.Pow(discountFactor, time) : utility;

    private static double Clamp01(double value) => Math.Clamp(value, 0.0, 1.0);
}
