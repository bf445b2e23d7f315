using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Genius;

/// <summary>
/// Choices GENIUS files do not make for us. GENIUS measures the deadline in rounds or seconds and has no
/// strategies in its files (agents are chosen at run time), so the defaults here are documented in docs/genius.md.
/// </summary>
public sealed record GeniusImportOptions
{
    public static GeniusImportOptions Default { get; } = new();

    /// <summary>Actor names, one per profile in order; when null each actor is named after its profile file.</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>Rounds before the talks end without agreement (default 100).</summary>
    public int Deadline { get; init; } = 100;

    /// <summary>Length of one round in days (default 7, the scenario format's default).</summary>
    public double RoundDays { get; init; } = 7;

    /// <summary>Every actor's strategy (default linear time-dependent concession, e = 1).</summary>
    public StrategySpec Strategy { get; init; } = StrategySpec.Linear();

    /// <summary>An integer issue with at most this many values becomes a discrete issue, one option per value (default 101).</summary>
    public int MaxIntegerOptions { get; init; } = 101;

    /// <summary>Grid points a proposer searches on a continuous issue (default 21, the format's default).</summary>
    public int Resolution { get; init; } = 21;
}

/// <summary>An imported scenario and the warnings found on the way (weights not summing to 1, ignored discounting).</summary>
public sealed record GeniusImportResult(Scenario Scenario, IReadOnlyList<Core.Common.Diagnostic> Warnings);
