namespace Negotiation.Scenarios.Binding;

/// <summary>The interval a number must lie in, with the words used to say so in a message.</summary>
internal sealed record Limits(double Min, double Max, bool MinOpen, bool MaxOpen, string Text)
{
    public static Limits Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity, false, false, "a number");

    public static Limits NonNegative { get; } = new(0, double.PositiveInfinity, false, false, "a number >= 0");

    public static Limits Positive { get; } = new(0, double.PositiveInfinity, true, false, "a number > 0");

    public static Limits Unit { get; } = new(0, 1, false, false, "a number between 0 and 1");

    public static Limits OpenUnit { get; } = new(0, 1, true, true, "a number strictly between 0 and 1");

    public static Limits Within(double min, double max) =>
        new(min, max, false, false, $"a number within [{Format.Number(min)}, {Format.Number(max)}]");

    public bool Contains(double value) =>
        (MinOpen ? value > Min : value >= Min) && (MaxOpen ? value < Max : value <= Max);
}
