namespace Negotiation.Scenarios.Tests.Binding;

/// <summary>Unknown keys, missing required keys and wrong value types, reported at the offending node.</summary>
public class FieldsTest
{
    [Fact]
    public void UnknownKey_NearAnAllowedKey_SuggestsIt()
    {
        var yaml = Fixture.Minimal.Replace("  deadline: 10", "  deadline: 10\n  deadlien: 3");
        Assert.Equal("18:3: unknown key 'deadlien' in protocol; did you mean 'deadline'?", Fixture.Error(yaml));
    }

    [Fact]
    public void UnknownKey_FarFromEveryAllowedKey_ListsTheAllowedKeys()
    {
        var yaml = Fixture.Minimal.Replace("  deadline: 10", "  deadline: 10\n  zzz: 3");
        Assert.Equal(
            "18:3: unknown key 'zzz' in protocol; expected one of: type, signatories, rule, proposers, deadline, roundDays, mediator, opening, information, beliefNoise, hazard, deadlineMin, ...",
            Fixture.Error(yaml));
    }

    [Fact]
    public void UnknownTopLevelKey_IsReportedAtTheTopLevel()
    {
        var yaml = Fixture.Minimal + "\nisues: {}";
        Assert.Equal("18:1: unknown key 'isues' at the top level; did you mean 'issues'?", Fixture.Error(yaml));
    }

    [Fact]
    public void MissingRequiredKey_PointsAtTheParentMapping()
    {
        var yaml = Fixture.Minimal.Replace("  deadline: 10", "  roundDays: 3");
        Assert.Equal("17:3: missing required key 'deadline' in protocol; expected deadline: <rounds, >= 1>", Fixture.Error(yaml));
    }

    [Fact]
    public void TextWhereANumberBelongs_SaysWhatWasFound()
    {
        var yaml = Fixture.Minimal.Replace("  deadline: 10", "  deadline: 10\n  roundDays: abc");
        Assert.Equal("18:14: protocol.roundDays is 'abc'; expected a number", Fixture.Error(yaml));
    }

    [Fact]
    public void ListWhereAMappingBelongs_SaysWhatWasFound()
    {
        var yaml = Fixture.Minimal.Replace("protocol:\n  deadline: 10", "protocol: [1, 2]");
        Assert.Equal(
            "16:11: protocol is a list; expected a mapping of type, signatories, rule, proposers, deadline, roundDays, mediator, opening, information, beliefNoise, hazard, deadlineMin, ...",
            Fixture.Error(yaml));
    }

    [Fact]
    public void FractionWhereAWholeNumberBelongs_IsAnError()
    {
        var yaml = Fixture.Minimal.Replace("deadline: 10", "deadline: 2.5");
        Assert.Equal("17:13: protocol.deadline is '2.5'; expected a whole number between 1 and 10000", Fixture.Error(yaml));
    }

    [Fact]
    public void SeveralErrors_AreAllReportedInFileOrder()
    {
        var yaml = Fixture.Minimal
            .Replace("weight: 0.6", "weight: -1")
            .Replace("ideal: 0}", "ideal: 200}")
            .Replace("deadline: 10", "deadline: 0");
        Assert.Equal(
            [
                "11:27: actors.russia.interests.accession.weight is -1; expected a number >= 0",
                "12:36: actors.russia.interests.troops.ideal is 200; expected a number within [0, 100]",
                "17:13: protocol.deadline is 0; expected a whole number between 1 and 10000",
            ],
            Fixture.Errors(yaml));
    }
}
