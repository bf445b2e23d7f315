namespace Negotiation.Scenarios.Binding;

/// <summary>The interval a number must lie in, with the words used to say so in a message.</summary>
internal sealed record Limits(double Min, double Max, bool MinOpen, bool MaxOpen, string Text)
{
    public static Limits Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity, false, false, "a number");

    public static Limits NonNegative { get; } = new(0, double.PositiveInfinity, false, false, "a number >= 0");

    public static Limits Positive { get; } = new(0, double.PositiveInfinity, true, false, "a number > 0");

    public static Limits Unit { get; } = new(0, 1, false, false, "a number between 0 and 1");

    public static Limits OpenUnit { get; } = new(0, 1, true, true, "a number strictly between 0 and 1");

    /// <summary>
    /// The largest magnitude any number in a scenario may have: far beyond every real quantity, and small enough
    /// that sums of many of them (weights, utilities, trends over a deadline) stay finite and exact enough.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    public const string MagnitudeText = "a number between -1e15 and 1e15 (the largest magnitude a scenario may use)";

    public static bool WithinMagnitude(double value) => Math.Abs(value) <= MaxMagnitude;

    /// <summary>A reservation's change per round: the reservation is a utility in [0, 1].</summary>
    public static Limits Trend { get; } = new(-1, 1, false, false, "a change per round between -1 and 1 (the reservation is a utility between 0 and 1)");

    public static Limits Within(double min, double max) =>
        new(min, max, false, false, $"a number within [{Format.Number(min)}, {Format.Number(max)}]");

    public bool Contains(double value) =>
        (MinOpen ? value > Min : value >= Min) && (MaxOpen ? value < Max : value <= Max);
}
