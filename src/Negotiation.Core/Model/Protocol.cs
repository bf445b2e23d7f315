using Negotiation.Core.Common;

namespace Negotiation.Core.Model;

/// <summary>The bargaining procedure.</summary>
public enum ProtocolKind
{
    /// <summary>Stacked alternating offers generalised to n parties: proposers take turns putting a full package on the table.</summary>
    AlternatingOffers,

    /// <summary>Single negotiating text: a mediator amends one text until every signatory accepts.</summary>
    SingleText,
}

/// <summary>
/// Who signs, who proposes, and how long they have.
/// </summary>
/// <param name="Signatories">Actors whose signature is required.</param>
/// <param name="Rule">How many signatories must accept (unanimity by default).</param>
/// <param name="Proposers">Who may propose, in turn order.</param>
/// <param name="Deadline">Rounds before the talks end without agreement.</param>
/// <param name="RoundDays">Length of one round in days (reports convert rounds to dates with it).</param>
/// <param name="Mediator">The actor who drafts the single text, if any.</param>
/// <param name="Opening">A proposal put on the table in the first round.</param>
public sealed record Protocol(
    ProtocolKind Kind,
    IReadOnlyList<string> Signatories,
    SigningRule Rule,
    IReadOnlyList<string> Proposers,
    int Deadline,
    double RoundDays,
    string? Mediator = null,
    string? Opening = null)
{
    public SourcePosition? Position { get; init; }

    /// <summary>Whether reservation values are private (the default) or common knowledge (docs/model.md §3.3).</summary>
    public InformationKind Information { get; init; } = InformationKind.Private;

    /// <summary>The noise λ of the noisy-rational likelihood observers use to learn from moves; null: the default 0.05.</summary>
    public double? BeliefNoise { get; init; }

    /// <summary>Per-round chance that the talks break down for reasons outside the table (Binmore, Rubinstein &amp; Wolinsky 1986); null: 0.</summary>
    public Uncertain? Hazard { get; init; }

    /// <summary>When set, the last round is drawn uniformly from DeadlineMin … Deadline once per run (nobody knows it).</summary>
    public int? DeadlineMin { get; init; }

    /// <summary>How the next proposer is chosen: the fixed order of the proposers, or a draw in proportion to power (Baron &amp; Ferejohn 1989).</summary>
    public RecognitionKind Recognition { get; init; } = RecognitionKind.Turns;

    /// <summary>The default noise λ of <see cref="BeliefNoise"/>.</summary>
    public const double DefaultBeliefNoise = 0.05;
}

/// <summary>What the actors know about each other's reservation values.</summary>
public enum InformationKind
{
    /// <summary>Each actor's reservation value is its own; others hold beliefs and learn from moves.</summary>
    Private,

    /// <summary>Reservation values are common knowledge (GENIUS/ANAC analysis): beliefs are point masses at the truth.</summary>
    Complete,
}

/// <summary>How the proposer of each round is chosen under alternating offers.</summary>
public enum RecognitionKind
{
    /// <summary>The proposers take turns in the order the protocol lists them.</summary>
    Turns,

    /// <summary>Each round's proposer is drawn with probability proportional to power (Baron &amp; Ferejohn 1989).</summary>
    Power,
}
