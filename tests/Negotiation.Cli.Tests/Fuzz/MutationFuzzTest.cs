using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Negotiation.Cli.Tests.Fuzz;

/// <summary>
/// The mutation fuzzer of issue 18, kept in the suite so that a new binder cannot bring back what it found: scenario
/// files and GENIUS files mutated (bytes, lines, and values replaced by hostile ones: 2147483647, 1e308, control
/// characters, paths as ids, deep nesting, ...) go through <c>validate</c>, <c>run</c> and <c>import-genius</c>.
/// Every one must exit 0 or 2, print no stack trace and no "internal error", and finish within 30 s.
/// <para>
/// The suite runs a small sample; set <c>NEGOTIATE_FUZZ_SCENARIOS</c> and <c>NEGOTIATE_FUZZ_GENIUS</c> for a full
/// run (issue 18 asks for 5,000 and 500), and <c>NEGOTIATE_FUZZ_SEED</c> for another sample:
/// <c>NEGOTIATE_FUZZ_SCENARIOS=5000 NEGOTIATE_FUZZ_GENIUS=500 dotnet test tests/Negotiation.Cli.Tests -c Release --filter MutationFuzz</c>.
/// </para>
/// </summary>
public class MutationFuzzTest(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Values a tester would try where a number, id or text belongs.</summary>
    private static readonly string[] Hostile =
    [
        "2147483647", "2147483648", "-2147483648", "9223372036854775807", "1e308", "1.7e308", "-1e308", "4.9e-324", "0", "-0", "-1",
        "1.0", "1e15", "1e16", "0.5", ".nan", ".inf", "-.inf", "NaN", "1000000", "10001", "1001", "\"\\x07\"", "\"\\e[31m\"", "\"\\uFFFF\"",
        "\"a\\u0000b\"", "../../x", "/abs/dir", "..", "\"=cmd|' /C calc'!A0\"", "@SUM(A1)", "-2+3", "&a x", "*a", "!!python/object:os.system",
        "!custom x", "[", "{", "]", "}", "\"", "'", "|", ">", "~", "null", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "{dist: uniform, min: 0, max: 1e308}", "{dist: normal, mean: 0, sd: 1e308}", "{dist: lognormal, mu: 700, sigma: 1}",
        "{dist: beta, alpha: 1e-300, beta: 1e300}", "{dist: pert, min: 0, mode: 0, max: 0}", "true", "yes", "2021-12-17", "0x1F", "1_000",
    ];

    private static readonly string[] GeniusHostile =
    [
        "2147483647", "1e308", "-1", "0", "NaN", "Infinity", "", "../../x", "\u0007", "&#7;", "&lt;", "<!DOCTYPE x>", "<objective>", "</issue>",
        "<![CDATA[x]]>", "999999999999", "0.0000000001", "-0", "1e-320",
    ];

    private static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : fallback;

    private static int Seed => Count("NEGOTIATE_FUZZ_SEED", 18);

    [Fact]
    public void MutatedScenarios_ExitWith0Or2_WithoutStackTraces_InTime()
    {
        var corpus = Directory.GetFiles(TestCli.Repo("scenarios"), "*.yaml").Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.yaml"))
            .Select(File.ReadAllText).ToArray();
        Assert.NotEmpty(corpus);
        var count = Count("NEGOTIATE_FUZZ_SCENARIOS", 200);
        var random = new Random(Seed);
        var tally = new Tally();
        using var dir = new TempDirectory();
        for (var k = 0; k < count; k++)
        {
            var mutant = MutateYaml(corpus[random.Next(corpus.Length)], random);
            var file = dir.Combine($"m{k % 8}.yaml");
            File.WriteAllText(file, mutant);
            var validated = tally.Check($"scenario #{k} validate", mutant, () => TestCli.Run("validate", file));
            if (validated == 0)
            {
                tally.Check($"scenario #{k} run", mutant, () => RunWithLimit("run", file, "--runs", "20", "--threads", "1", "--seed", k.ToString(CultureInfo.InvariantCulture), "--quiet", "--no-charts", "--out", dir.Combine("r")));
            }
        }

        output.WriteLine($"scenarios: {count} mutants (seed {Seed}): {tally}");
        Assert.True(tally.Failures.Count == 0, string.Join("\n\n", tally.Failures.Take(5)));
        Assert.True(count == 0 || tally.ExitCodes.GetValueOrDefault(2) > 0, "no mutant was refused: the mutator does nothing");
    }

    [Fact]
    public void MutatedGeniusFiles_ExitWith0Or2_WithoutStackTraces_InTime()
    {
        var fixtures = TestCli.Repo("tests/Negotiation.Scenarios.Tests/Genius/Fixtures");
        var sets = new[]
        {
            (Domain: "laptop_domain.xml", Profiles: new[] { "laptop_buyer.xml", "laptop_seller.xml" }),
            (Domain: "numeric_domain.xml", Profiles: new[] { "numeric_profile.xml", "numeric_profile.xml" }),
        };
        var count = Count("NEGOTIATE_FUZZ_GENIUS", 20);
        var random = new Random(Seed + 1);
        var tally = new Tally();
        using var dir = new TempDirectory();
        for (var k = 0; k < count; k++)
        {
            var set = sets[random.Next(sets.Length)];
            var files = new[] { set.Domain }.Concat(set.Profiles).Select(f => File.ReadAllText(Path.Combine(fixtures, f))).ToArray();
            var target = random.Next(files.Length);
            files[target] = MutateXml(files[target], random);
            var paths = files.Select((text, i) => { var p = dir.Combine($"g{i}.xml"); File.WriteAllText(p, text); return p; }).ToArray();
            var yaml = dir.Combine("imported.yaml");
            File.Delete(yaml);
            var imported = tally.Check($"genius #{k} import", files[target], () => TestCli.Run(["import-genius", .. paths, "--out", yaml]));
            if (imported == 0)
            {
                var validated = tally.Check($"genius #{k} validate", files[target], () => TestCli.Run("validate", yaml));
                if (validated == 0)
                {
                    tally.Check($"genius #{k} run", files[target], () => RunWithLimit("run", yaml, "--runs", "20", "--threads", "1", "--quiet", "--no-charts", "--out", dir.Combine("r")));
                }
                else
                {
                    tally.Failures.Add($"genius #{k}: import-genius wrote a scenario that validate refuses");
                }
            }
        }

        output.WriteLine($"GENIUS: {count} mutants (seed {Seed + 1}): {tally}");
        Assert.True(tally.Failures.Count == 0, string.Join("\n\n", tally.Failures.Take(5)));
    }

    [Theory]
    [InlineData("deadline: 12", "deadline: 2147483647")]
    [InlineData("horizon: 52", "horizon: 2147483647")]
    [InlineData("resolution: 11", "resolution: 1000000")]
    [InlineData("max: 0.45}", "max: 0.45, trend: 1e308}")]
    [InlineData("border: {weight: 0.6,", "border: {weight: 1e308,")]
    [InlineData("title: Small border dispute", "title: \"bell \\a\"")]
    [InlineData("title: Small border dispute", "title: \"\\e[31m\"")]
    [InlineData("title: Small border dispute", "title: \"\\uFFFF\"")]
    [InlineData("id: small", "id: ../../x")]
    [InlineData("id: small", "id: /abs/dir")]
    [InlineData("id: small", "id: \"sm\\aall\"")]
    public void IssueEighteenCases_AreRefusedByValidateAndRun(string find, string replace)
    {
        var small = File.ReadAllText(TestCli.TestData("small.yaml"));
        Assert.Contains(find, small, StringComparison.Ordinal);
        using var dir = new TempDirectory();
        var file = dir.Combine("hostile.yaml");
        File.WriteAllText(file, small.Replace(find, replace, StringComparison.Ordinal));

        foreach (var result in new[] { TestCli.Run("validate", file), TestCli.Run("run", file, "--runs", "10", "--quiet", "--no-charts", "--out", dir.Combine("r")) })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Matches(@"hostile\.yaml:\d+:\d+: error: ", result.Error);
            Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(dir.Combine("r")));
    }

    private static CliOutcome RunWithLimit(params string[] args)
    {
        using var limit = new CancellationTokenSource(Limit);
        return TestCli.Run(limit.Token, args);
    }

    private static string MutateYaml(string text, Random random)
    {
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            text = random.Next(7) switch
            {
                0 => ReplaceValue(text, random, Hostile[random.Next(Hostile.Length)]),
                1 => ReplaceValue(text, random, Hostile[random.Next(Hostile.Length)]),
                2 => ReplaceNumber(text, random),
                3 => DeleteLine(text, random),
                4 => DuplicateLine(text, random),
                5 => FlipCharacter(text, random),
                _ => DeleteRange(text, random),
            };
        }

        return text;
    }

    private static string MutateXml(string text, Random random)
    {
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            text = random.Next(5) switch
            {
                0 or 1 => ReplaceAttribute(text, random, GeniusHostile[random.Next(GeniusHostile.Length)]),
                2 => DeleteLine(text, random),
                3 => DuplicateLine(text, random),
                _ => FlipCharacter(text, random),
            };
        }

        return text;
    }

    /// <summary>Replaces the value after a random "key: " with <paramref name="value"/>.</summary>
    private static string ReplaceValue(string text, Random random, string value)
    {
        var at = FindRandom(text, ": ", random);
        if (at < 0)
        {
            return text;
        }

        var end = text.IndexOfAny([',', '}', '\n', '#'], at + 2);
        return text[..(at + 2)] + value + (end < 0 ? "" : text[end..]);
    }

    /// <summary>Replaces a random number with a hostile number.</summary>
    private static string ReplaceNumber(string text, Random random)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1]))).ToArray();
        if (digits.Length == 0)
        {
            return text;
        }

        var start = digits[random.Next(digits.Length)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or '-'))
        {
            end++;
        }

        string[] numbers = ["2147483647", "1e308", "-1e308", "0", "-1", "1000000", "10001", "1e15", "1e16", "4.9e-324", "1.0"];
        return text[..start] + numbers[random.Next(numbers.Length)] + text[end..];
    }

    private static string ReplaceAttribute(string text, Random random, string value)
    {
        var at = FindRandom(text, "=\"", random);
        if (at < 0)
        {
            return text;
        }

        var end = text.IndexOf('"', at + 2);
        return end < 0 ? text : text[..(at + 2)] + value + text[end..];
    }

    private static int FindRandom(string text, string what, Random random)
    {
        var hits = new List<int>();
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            hits.Add(i);
        }

        return hits.Count == 0 ? -1 : hits[random.Next(hits.Count)];
    }

    private static string DeleteLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private static string DuplicateLine(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var k = random.Next(lines.Count);
        lines.Insert(k, lines[k]);
        return string.Join('\n', lines);
    }

    private static string FlipCharacter(string text, Random random)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
        return new string(chars);
    }

    private static string DeleteRange(string text, Random random)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var start = random.Next(text.Length);
        var length = Math.Min(text.Length - start, 1 + random.Next(200));
        return text.Remove(start, length);
    }

    /// <summary>Counts exit codes and collects every broken rule with the input that broke it.</summary>
    private sealed class Tally
    {
        public Dictionary<int, int> ExitCodes { get; } = [];

        public List<string> Failures { get; } = [];

        public TimeSpan Slowest { get; private set; }

        public long PeakWorkingSet => Process.GetCurrentProcess().PeakWorkingSet64;

        /// <returns>The exit code, or -1 when the command threw.</returns>
        public int Check(string what, string input, Func<CliOutcome> command)
        {
            var watch = Stopwatch.StartNew();
            CliOutcome result;
            try
            {
                result = command();
            }
            catch (Exception e)
            {
                Failures.Add($"{what}: threw {e.GetType().Name}: {e.Message}\n{Clip(input)}");
                ExitCodes[-1] = ExitCodes.GetValueOrDefault(-1) + 1;
                return -1;
            }

            watch.Stop();
            Slowest = watch.Elapsed > Slowest ? watch.Elapsed : Slowest;
            ExitCodes[result.ExitCode] = ExitCodes.GetValueOrDefault(result.ExitCode) + 1;
            if (result.ExitCode is not (0 or 2))
            {
                Failures.Add($"{what}: exit {result.ExitCode}: {Clip(result.Error)}\n{Clip(input)}");
            }

            if (result.Error.Contains("internal error", StringComparison.Ordinal) || result.Error.Contains("   at ", StringComparison.Ordinal))
            {
                Failures.Add($"{what}: stack trace or internal error: {Clip(result.Error)}\n{Clip(input)}");
            }

            if (watch.Elapsed > Limit)
            {
                Failures.Add($"{what}: took {watch.Elapsed}\n{Clip(input)}");
            }

            return result.ExitCode;
        }

        public override string ToString() =>
            $"exit codes {string.Join(", ", ExitCodes.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"))}; slowest {Slowest.TotalSeconds:0.00} s; "
            + $"peak working set of the test process {PeakWorkingSet / (1024 * 1024)} MB; {Failures.Count} failure(s)";

        private static string Clip(string text)
        {
            var builder = new StringBuilder(text.Length > 600 ? text[..600] + " ..." : text);
            return builder.ToString();
        }
    }
}
