namespace Negotiation.Scenarios.Tests;

/// <summary>Hostile but well-formed files: many errors, large mappings. The loader stays fast and its report short.</summary>
public partial class ScenarioLoaderTest
{
    [Fact]
    public void ManyErrors_AreCutAtOneHundredWithANote()
    {
        var yaml = Fixture.Minimal + "\nproposals:\n" + string.Concat(Enumerable.Range(0, 150).Select(i => $"  p{i}: {{terms: {{}}}}\n"));
        var errors = Fixture.Errors(yaml);
        Assert.Equal(101, errors.Count);
        Assert.Equal("19:15: proposal 'p0' does not settle issues 'accession', 'troops'; expected a term for every issue", errors[0]);
        Assert.Equal("1:1: too many errors: only the first 100 are listed; expected a file closer to the format — fix these and check again", errors[^1]);
    }

    [Fact]
    public void ManyDuplicateKeys_AreCutAtOneHundredWithANote()
    {
        var yaml = Fixture.Minimal + "\n" + string.Concat(Enumerable.Repeat("title: again\n", 5000));
        var errors = Fixture.Errors(yaml);
        Assert.Equal(101, errors.Count);
        Assert.Equal("18:1: duplicate key 'title'; expected each key once in a mapping", errors[0]);
    }

    [Fact]
    public void TenThousandIssues_WithUnknownReferences_LoadWithoutQuadraticWork()
    {
        // Each unknown term is compared with 10,000 issue ids only until the report is full; lookups are hashed.
        const int n = 10_000;
        var yaml = "schemaVersion: 1\ntitle: big\nissues:\n"
            + string.Concat(Enumerable.Range(0, n).Select(k => $"  i{k}: {{range: [0, 1]}}\n"))
            + "actors:\n  a:\n    interests:\n"
            + string.Concat(Enumerable.Range(0, n).Select(k => $"      i{k}: {{weight: 1, ideal: 0}}\n"))
            + "proposals:\n  p:\n    terms:\n"
            + string.Concat(Enumerable.Range(0, n).Select(k => $"      j{k}: 0\n"))
            + "protocol: {deadline: 3}\n";
        var errors = Fixture.Errors(yaml);
        Assert.Equal(101, errors.Count);
        Assert.Equal($"{2 * n + 10}:7: unknown key 'j0' in proposals.p.terms; did you mean 'i0'?", errors[0]);
    }

    [Fact]
    public void HugeIds_AreRejectedWithAClippedMessage()
    {
        var id = new string('x', 1000); // YAML itself caps implicit keys at 1024 characters
        var yaml = Fixture.Minimal.Replace("  usa:\n", $"  {id}:\n") + $"\n  signatories: [{id}y]";
        var errors = Fixture.Errors(yaml);
        Assert.Equal(
            "13:3: id 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' in actors is 1000 characters long; expected an id of at most 80 characters",
            errors[0]);
        Assert.All(errors, e => Assert.True(e.Length < 1100));
    }
}
