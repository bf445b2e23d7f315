using System.CommandLine;
using System.Text.RegularExpressions;
using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests.Commands;

/// <summary>
/// Help states each default once: System.CommandLine prints "[default: X]" for an option with a default value, so
/// its description does not say it again; an option whose default is not a fixed value ("all cores", "out/&lt;id&gt;/")
/// has no default value and says it in words. Before: "Simulated futures per variant (default 10,000). [default: 10000]".
/// </summary>
public class HelpDefaultsTest
{
    private static IEnumerable<Command> Commands() => CliApp.Commands(() => TestCli.Context(TextWriter.Null, TextWriter.Null)).Subcommands;

    public static TheoryData<string> CommandNames() => [.. Commands().Select(c => c.Name)];

    [Fact]
    public void NoOptionWithADefaultValue_SaysItsDefaultAgainInItsDescription()
    {
        // (Flags are left out: help prints no "[default: False]" for them.)
        var twice = Commands()
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            .Where(x => x.Option.HasDefaultValue && x.Option.ValueType != typeof(bool) && Regex.IsMatch(x.Option.Description ?? "", @"\bdefault\b", RegexOptions.IgnoreCase))
            .Select(x => $"{x.Command} {x.Option.Name}: {x.Option.Description}")
            .ToList();
        Assert.Empty(twice);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Help_OfEveryCommand_ShowsEachDefaultOnce(string command)
    {
        var outcome = TestCli.Run(command, "--help");
        Assert.Equal(0, outcome.ExitCode);
        // One option's entry runs from its "  -x, --name" line to the next option's.
        var entries = Regex.Split(outcome.Out, @"\n(?=  -)").Where(e => e.TrimStart().StartsWith('-')).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(Regex.Matches(e, @"\bdefault\b", RegexOptions.IgnoreCase).Count <= 1, e));
    }

    [Fact]
    public void RunHelp_ShowsTheRunsDefaultOnce_AndThreadsAsAllCoresNotThisMachinesCount()
    {
        var help = TestCli.Run("run", "--help").Out;
        Assert.Single(Regex.Matches(help, @"\[default: 10000\]"));
        Assert.DoesNotContain("(default 10,000)", help, StringComparison.Ordinal);
        var threads = help.Split('\n').Single(l => l.Contains("--threads", StringComparison.Ordinal));
        Assert.Contains("all cores", threads, StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", threads, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_WhenNotGiven_AreAllCores()
    {
        Assert.Equal(Environment.ProcessorCount, CommonOptions.ThreadsOrAllCores(null));
        Assert.Equal(3, CommonOptions.ThreadsOrAllCores(3));
    }
}
