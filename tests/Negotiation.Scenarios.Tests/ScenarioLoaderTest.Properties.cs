using CsCheck;
using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Tests;

/// <summary>
/// Whatever a user (or a corrupted download) makes of a valid file, the loader either loads it or reports
/// diagnostics with positions — it never throws anything else.
/// </summary>
public partial class ScenarioLoaderTest
{
    private static readonly string ValidText = Fixture.Text("full.yaml");

    private static readonly string[] ReplacementScalars =
    [
        "abc", "-1", "0", "2", "[]", "{}", "~", "1e999", ".nan", "&a x", "*a", "!!binary x", "!x 1", "{dist: pert}",
        "{dist: normal, mean: 0, sd: -1}", "\"", "'", "[a, [b, {c: d}]]", "|", ">-", "- x", "? x", "{a: 1, a: 2}", "%TAG",
        "[0, 100", "{x: 1", "all", "null", "true", "0x1F", "1_000", "-.inf", "@", "`",
    ];

    private static string DeleteLine(string text, int seed)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(seed % lines.Count);
        return string.Join('\n', lines);
    }

    private static string ReplaceValue(string text, int seed, int choice)
    {
        var lines = text.Split('\n');
        var i = seed % lines.Length;
        var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
        var value = ReplacementScalars[choice % ReplacementScalars.Length];
        lines[i] = colon < 0 ? value + lines[i] : lines[i][..(colon + 2)] + value;
        return string.Join('\n', lines);
    }

    private static string Truncate(string text, int seed) => text[..(seed % (text.Length + 1))];

    private static string Insert(string text, int seed, string garbage)
    {
        var at = seed % (text.Length + 1);
        return text[..at] + garbage + text[at..];
    }

    private static readonly Gen<Func<string, string>> Mutation = Gen.OneOf(
        Gen.Int[0, 100_000].Select(s => (Func<string, string>)(t => DeleteLine(t, s))),
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[0, 1000]).Select((s, c) => (Func<string, string>)(t => ReplaceValue(t, s, c))),
        Gen.Int[0, 100_000].Select(s => (Func<string, string>)(t => Truncate(t, s))),
        Gen.Select(Gen.Int[0, 100_000], Gen.Char.Array[1, 8]).Select((s, g) => (Func<string, string>)(t => Insert(t, s, new string(g)))),
        Gen.Select(Gen.Int[0, 100_000], Gen.Char['\0', '\u007f'].Array[1, 8]).Select((s, g) => (Func<string, string>)(t => Insert(t, s, new string(g)))));

    [Fact]
    public void RandomMutationsOfAValidFile_LoadOrReportDiagnostics_NeverThrowAnythingElse()
    {
        Mutation.Array[1, 4].Select(ms => ms.Aggregate(ValidText, (text, m) => m(text))).Sample(text =>
        {
            try
            {
                var set = ScenarioLoader.LoadText(text, "mutated.yaml");
                Assert.NotEmpty(set.Variants);
            }
            catch (InputException e)
            {
                Assert.NotEmpty(e.Diagnostics);
                Assert.All(e.Diagnostics, d =>
                {
                    Assert.Equal("mutated.yaml", d.Position.File);
                    Assert.True(d.Position.Line >= 1 && d.Position.Column >= 1);
                    Assert.Contains("; ", d.Message);
                });
            }
        }, iter: 3000);
    }

    private static readonly string[] OverridePaths =
    [
        "actors.russia.power", "actors.russia.reservation.value", "actors.usa.reservation", "actors.usa.reservation.mode",
        "protocol.deadline", "protocol", "protocol.signatories.0", "events.sanctions.effects.0.reservation", "actors..x", "",
        "nope", "compliance.mechanisms.jic.detection", "issues.troops.range.1", "variants.ten-point",
    ];

    [Fact]
    public void RandomOverridesOnMutatedFiles_LoadOrReportDiagnostics()
    {
        var overrides = Gen.Select(Gen.Int[0, OverridePaths.Length - 1], Gen.Double[-5, 50])
            .Select((i, v) => new ParameterOverride(OverridePaths[i], v)).Array[0, 3];
        Gen.Select(Mutation.Array[0, 2], overrides).Sample((mutations, parameters) =>
        {
            var text = mutations.Aggregate(ValidText, (t, m) => m(t));
            var lines = text.Split('\n').Length;
            try
            {
                ScenarioLoader.LoadText(text, "mutated.yaml", parameters);
            }
            catch (InputException e)
            {
                Assert.NotEmpty(e.Diagnostics);
                Assert.All(e.Diagnostics, d => Assert.InRange(d.Position.Line, 1, lines + 1));
            }
        }, iter: 1000);
    }

    [Fact]
    public void Mutations_ExerciseBothOutcomes()
    {
        // Guards the property above against a generator that only ever produces broken (or only valid) files.
        Assert.NotEmpty(Fixture.Load(DeleteLine(ValidText, 5)).Variants); // line 6 is the description's text
        Assert.Throws<InputException>(() => Fixture.Load(Truncate(ValidText, 700)));
    }
}
