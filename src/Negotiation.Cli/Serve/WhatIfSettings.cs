namespace Negotiation.Cli.Serve;

/// <summary>
/// What the page has on screen: the scenario's variants switched on (compared with the baseline), the changes made to
/// the baseline's parameters (which make the what-if variant), and the run count.
/// </summary>
public sealed record WhatIfSettings(IReadOnlyList<string> Variants, IReadOnlyList<WhatIfChange> Changes, long Runs);

/// <summary>
/// One change to the baseline: the number at <paramref name="Path"/> (a node path, as a variant's <c>set</c> and a
/// sweep's <c>--param</c> write it) pinned to <paramref name="Pin"/>, or the distribution there moved by
/// <paramref name="Shift"/>. Exactly one of the two is given.
/// </summary>
public sealed record WhatIfChange(string Path, double? Pin, double? Shift);

/// <summary>Settings the server refuses, with the messages to show (the command line's wording, file:line:column for scenario errors).</summary>
public sealed class WhatIfInputException(IReadOnlyList<string> messages) : Exception(string.Join("\n", messages))
{
    public IReadOnlyList<string> Messages { get; } = messages;

    public WhatIfInputException(string message)
        : this([message])
    {
    }
}
