namespace Negotiation.Core.Model;

/// <summary>
/// A numeric scenario parameter: either a fixed number or a distribution sampled once per Monte Carlo run.
/// Every number a scenario gives (a weight, a reservation value, a detection probability) is one of these,
/// so any of them can be made uncertain, swept or overridden by a variant.
/// </summary>
public abstract record Uncertain
{
    /// <summary>The analytic mean, used where a single representative value is needed (analysis, schema checks).</summary>
    public abstract double Mean { get; }

    /// <summary>The smallest value a draw can take (may be negative infinity).</summary>
    public abstract double Lower { get; }

    /// <summary>The largest value a draw can take (may be positive infinity).</summary>
    public abstract double Upper { get; }

    /// <summary>True for a plain number, which need not be sampled per run.</summary>
    public bool IsFixed => this is Fixed;

    public static implicit operator Uncertain(double value) => new Fixed(value);
}

/// <summary>A plain number.</summary>
public sealed record Fixed(double Value) : Uncertain
{
    public override double Mean => Value;
    public override double Lower => Value;
    public override double Upper => Value;
}

/// <summary>Uniform on [Min, Max].</summary>
public sealed record UniformDist(double Min, double Max) : Uncertain
{
    public override double Mean => (Min + Max) / 2;
    public override double Lower => Min;
    public override double Upper => Max;
}

/// <summary>Triangular on [Min, Max] with its peak at Mode.</summary>
public sealed record TriangularDist(double Min, double Mode, double Max) : Uncertain
{
    public override double Mean => (Min + Mode + Max) / 3;
    public override double Lower => Min;
    public override double Upper => Max;
}

/// <summary>
/// PERT (beta-PERT with shape 4) on [Min, Max] with most likely value Mode: a smoother triangular,
/// the usual choice for expert judgement. Mean = (Min + 4·Mode + Max) / 6.
/// </summary>
public sealed record PertDist(double Min, double Mode, double Max) : Uncertain
{
    public override double Mean => (Min + 4 * Mode + Max) / 6;
    public override double Lower => Min;
    public override double Upper => Max;
}

/// <summary>Normal with mean Mu and standard deviation Sigma, optionally truncated to [Min, Max].</summary>
public sealed record NormalDist(double Mu, double Sigma, double Min = double.NegativeInfinity, double Max = double.PositiveInfinity)
    : Uncertain
{
    /// <summary>The mean of the untruncated normal (exact when no truncation bound is within reach).</summary>
    public override double Mean => Mu;
    public override double Lower => Min;
    public override double Upper => Max;
    public bool IsTruncated => !double.IsInfinity(Min) || !double.IsInfinity(Max);
}

/// <summary>Log-normal: exp of a normal with mean Mu and standard deviation Sigma (on the log scale).</summary>
public sealed record LogNormalDist(double Mu, double Sigma) : Uncertain
{
    public override double Mean => Math.Exp(Mu + Sigma * Sigma / 2);
    public override double Lower => 0;
    public override double Upper => double.PositiveInfinity;
}

/// <summary>Beta(Alpha, Beta) scaled from [0, 1] onto [Min, Max].</summary>
public sealed record BetaDist(double Alpha, double Beta, double Min = 0, double Max = 1) : Uncertain
{
    public override double Mean => Min + (Max - Min) * Alpha / (Alpha + Beta);
    public override double Lower => Min;
    public override double Upper => Max;
}
