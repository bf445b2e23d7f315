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
}
