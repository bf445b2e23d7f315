namespace Negotiation.Scenarios.Tests.Binding;

public class ProposalsBinderTest
{
    /// <summary>Adds a proposal whose terms mapping starts at line 19, column 10.</summary>
    private static string WithTerms(string terms) =>
        Fixture.Minimal + $"\nproposals:\n  draft:\n    terms: {terms}";

    [Fact]
    public void Proposal_NotSettlingEveryIssue_IsAnError()
    {
        Assert.Equal(
            "20:12: proposal 'draft' does not settle issue 'troops'; expected a term for every issue",
            Fixture.Error(WithTerms("{accession: ban}")));
    }

    [Fact]
    public void Proposal_NamingAnUnknownOption_SuggestsTheClosest()
    {
        Assert.Equal(
            "20:24: unknown option 'bann' of issue 'accession'; did you mean 'ban'?",
            Fixture.Error(WithTerms("{accession: bann, troops: 5}")));
    }

    [Fact]
    public void Proposal_WithAValueOutsideTheRange_IsAnError()
    {
        Assert.Equal(
            "20:37: proposals.draft.terms.troops is 101; expected a number within [0, 100]",
            Fixture.Error(WithTerms("{accession: ban, troops: 101}")));
    }

    [Fact]
    public void Proposal_WithAnUnknownIssue_SuggestsTheClosest()
    {
        Assert.Equal(
            "20:40: unknown key 'troop' in proposals.draft.terms; did you mean 'troops'?",
            Fixture.Errors(WithTerms("{accession: ban, troops: 5, troop: 5}"))[0]);
    }

    [Fact]
    public void Proposal_Author_IsRead()
    {
        var yaml = Fixture.Minimal + "\nproposals:\n  draft:\n    author: russia\n    terms: {accession: ban, troops: 5}";
        Assert.Equal("russia", Fixture.Load(yaml).Baseline.Scenario.Proposals[0].Author);
    }

    [Fact]
    public void Proposal_WithAnUnknownAuthor_SuggestsTheClosest()
    {
        var yaml = Fixture.Minimal + "\nproposals:\n  draft:\n    author: rusia\n    terms: {accession: ban, troops: 5}";
        Assert.Equal("20:13: unknown actor 'rusia'; did you mean 'russia'?", Fixture.Error(yaml));
    }
}
