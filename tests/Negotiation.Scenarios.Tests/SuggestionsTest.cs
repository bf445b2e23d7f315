namespace Negotiation.Scenarios.Tests;

public class SuggestionsTest
{
    [Theory]
    [InlineData("nmae", "name")]       // adjacent transposition: distance 1
    [InlineData("deadlien", "deadline")]
    [InlineData("Name", "name")]       // case only
    [InlineData("resevation", "reservation")]
    public void Closest_FindsTheIntendedKey(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typo, ["name", "description", "deadline", "reservation"]));
    }

    [Fact]
    public void Closest_OfAnUnrelatedWord_IsNull()
    {
        Assert.Null(Suggestions.Closest("zzz", ["name", "description"]));
    }

    [Theory]
    [InlineData("ab", "ba", 1)]       // one swap
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_CountsEditsWithSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Distance(a, b));
    }
}
