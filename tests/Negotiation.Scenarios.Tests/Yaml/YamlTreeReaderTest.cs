using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Tests.Yaml;

/// <summary>Safety on untrusted files: every dangerous or ambiguous YAML feature gets a clear error, never a crash.</summary>
public class YamlTreeReaderTest
{
    [Fact]
    public void Anchor_IsRejected()
    {
        var yaml = Fixture.Minimal.Replace("range: [0, 100]", "range: &r [0, 100]");
        Assert.Equal("7:12: anchor '&r' is not allowed; expected plain values without anchors and aliases", Fixture.Error(yaml));
    }

    [Fact]
    public void TabInIndentation_IsReportedAtTheTab()
    {
        // Line 9 of the minimal scenario is "  russia:"; indented with a tab instead. YamlDotNet blamed 1:1.
        var yaml = Fixture.Minimal.Replace("\n  russia:\n", "\n\trussia:\n", StringComparison.Ordinal);
        Assert.Equal("9:1: a tab in the indentation; expected spaces (YAML does not allow tabs to indent)", Fixture.Error(yaml));
    }

    [Fact]
    public void TabAfterSpacesInIndentation_IsReportedAtItsColumn()
    {
        var yaml = Fixture.Minimal.Replace("\n    interests:\n      accession: {weight: 0.6", "\n    interests:\n  \t  accession: {weight: 0.6", StringComparison.Ordinal);
        Assert.Equal("11:3: a tab in the indentation; expected spaces (YAML does not allow tabs to indent)", Fixture.Error(yaml));
    }

    [Fact]
    public void Alias_IsRejected()
    {
        var yaml = Fixture.Minimal + "\nx: *r";
        Assert.Contains("18:4: alias '*r' is not allowed; expected the value written out in full", Fixture.Errors(yaml));
    }

    [Fact]
    public void BillionLaughs_IsRejectedWithoutExpanding()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        var errors = Fixture.Errors(yaml);
        Assert.Equal("1:4: anchor '&a' is not allowed; expected plain values without anchors and aliases", errors[0]);
        Assert.Contains("2:8: alias '*a' is not allowed; expected the value written out in full", errors);
    }

    [Fact]
    public void PythonObjectTag_IsRejected()
    {
        var yaml = Fixture.Minimal.Replace("title: Minimal", "title: !!python/object:os.system echo");
        Assert.Equal("2:8: tags are not allowed (found 'tag:yaml.org,2002:python/object:os.system'); expected a plain value without a tag", Fixture.Error(yaml));
    }

    [Fact]
    public void LocalTag_IsRejected()
    {
        var yaml = Fixture.Minimal.Replace("deadline: 10", "deadline: !custom 10");
        Assert.Equal("17:13: tags are not allowed (found '!custom'); expected a plain value without a tag", Fixture.Error(yaml));
    }

    [Fact]
    public void StandardTag_IsAccepted()
    {
        var yaml = Fixture.Minimal.Replace("title: Minimal", "title: !!str Minimal");
        Assert.Equal("Minimal", Fixture.Load(yaml).Metadata.Title);
    }

    [Fact]
    public void FlowNestingDeeperThanTheLimit_IsRejected()
    {
        // Depth counts the root mapping: the 64th bracket, at column 13 + 64, opens level 65.
        var yaml = Fixture.Minimal + "\ndescription: " + new string('[', 200) + new string(']', 200);
        Assert.Equal("18:77: nesting deeper than 64 levels; expected a flatter structure", Fixture.Error(yaml));
    }

    [Fact]
    public void BracketsInProse_DoNotCountAsNesting()
    {
        var yaml = Fixture.Minimal + "\ndescription: " + string.Concat(Enumerable.Repeat("see [note ", 100));
        Assert.StartsWith("see [note", Fixture.Load(yaml).Metadata.Description);
    }

    [Fact]
    public void BlockNestingDeeperThanTheLimit_IsRejected()
    {
        // Line k (1-based) opens the mapping at depth k; depth 65 is the first too deep: line 65, column 65.
        var yaml = string.Join('\n', Enumerable.Range(0, 70).Select(i => new string(' ', i) + "a:"));
        Assert.Equal("65:65: nesting deeper than 64 levels; expected a flatter structure", Fixture.Error(yaml));
    }

    [Fact]
    public void DuplicateKey_IsRejectedAtTheSecondOccurrence()
    {
        var yaml = Fixture.Minimal + "\ntitle: Again";
        Assert.Equal("18:1: duplicate key 'title'; expected each key once in a mapping", Fixture.Error(yaml));
    }

    [Fact]
    public void UnclosedBracket_IsReportedAtTheLastNodeRead()
    {
        // YamlDotNet's scanner fails here with an InvalidOperationException rather than a YamlException.
        var yaml = Fixture.Minimal.Replace("range: [0, 100]", "range: [0, 100");
        Assert.Equal("7:13: the YAML cannot be read after this point (an unclosed bracket, brace or quote?); expected valid YAML", Fixture.Error(yaml));
    }

    [Fact]
    public void SyntaxError_IsReportedAtTheParserMark()
    {
        var yaml = Fixture.Minimal.Replace("title: Minimal", "title: a: b");
        Assert.Equal("2:9: while scanning a plain scalar value, found invalid mapping; expected valid YAML", Fixture.Error(yaml));
    }

    [Fact]
    public void SecondDocument_IsRejected()
    {
        var yaml = Fixture.Minimal + "\n---\nschemaVersion: 1";
        Assert.Equal("18:1: a second YAML document; expected one scenario per file", Fixture.Error(yaml));
    }

    [Fact]
    public void FileAboveTheSizeLimit_IsRejectedBeforeParsing()
    {
        var yaml = "# " + new string('x', ScenarioLoader.MaxBytes);
        Assert.Equal("1:1: the file is 1048578 bytes; expected at most 1048576 bytes (1 MiB) for a scenario", Fixture.Error(yaml));
    }

    [Fact]
    public void FileOnDiskAboveTheSizeLimit_IsRejectedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"negotiation-big-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "# " + new string('x', ScenarioLoader.MaxBytes));
            var e = Assert.Throws<InputException>(() => ScenarioLoader.Load(path));
            Assert.Equal($"{path}:1:1: error: the file is 1048578 bytes; expected at most 1048576 bytes (1 MiB) for a scenario", Assert.Single(e.Diagnostics).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFile_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => ScenarioLoader.Load("/nonexistent/s.yaml"));
        Assert.Equal("/nonexistent/s.yaml:1:1: error: the file does not exist; expected a path to a scenario .yaml file", Assert.Single(e.Diagnostics).ToString());
    }

    [Fact]
    public void ComplexKey_IsRejected()
    {
        var yaml = Fixture.Minimal + "\n? [a, b]\n: c";
        Assert.Equal("18:3: a list used as a key; expected a plain name as key", Fixture.Error(yaml));
    }

    [Fact]
    public void NestingBombOfAMegabyte_IsRejectedWithOneError()
    {
        var yaml = "a: " + new string('[', 500_000) + new string(']', 500_000);
        Assert.Equal("1:67: nesting deeper than 64 levels; expected a flatter structure", Fixture.Error(yaml));
    }

    [Fact]
    public void NestingBombWithTagsBetweenBrackets_IsRejectedWithOneError()
    {
        // Each "!t" tags the next bracket's list, so list k (depth k + 1) starts at the tag at column 4 + 4(k - 2) + 1:
        // lists 2..64 give 63 tag errors, list 64 (depth 65) is too deep at column 253, and reading stops there.
        var yaml = "a: " + string.Concat(Enumerable.Repeat("[!t ", 200_000));
        var errors = Fixture.Errors(yaml);
        Assert.Equal("1:253: nesting deeper than 64 levels; expected a flatter structure", errors[^1]);
        Assert.Equal(64, errors.Count);
    }

    [Fact]
    public void NulAndControlCharacters_GiveADiagnostic()
    {
        var error = Fixture.Error("title: a\0b\u0001\n" + "x: \u0000");
        Assert.EndsWith("; expected valid YAML", error);
    }
}
