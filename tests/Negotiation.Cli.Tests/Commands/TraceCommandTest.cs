using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;
using Negotiation.Reporting.Trace;
using Negotiation.Scenarios;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Tests.Commands;

public sealed class TraceCommandTest
{
    private static readonly string Syria = TestCli.Scenario("syria-coh-2016");

    [Fact]
    public void Defaults_TraceRunZeroOfTheRunCommandsDefaultSeed_OfTheBaseline_AsText()
    {
        var result = TestCli.Run("trace", Syria);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var set = ScenarioLoader.Load(Syria);
        var expected = TraceRenderer.Text(Tracer.Replay(CompiledVariant.Compile(set.Baseline), CommonOptions.DefaultSeed, 0));
        Assert.Equal(expected, result.Out);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("markdown", "# Trace: ")]
    [InlineData("json", "{")]
    [InlineData("csv", "phase,step,actor,kind,")]
    public void Format_ChoosesTheRendering(string format, string start)
    {
        var result = TestCli.Run("trace", Syria, "--format", format, "--variant", "with-enforcement", "--run", "4");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith(start, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WithdrawalClause_TheTraceSaysWhoGaveNoticeAndWhenItLeaves()
    {
        // East may leave under the withdrawal clause (half a chance per week, two weeks' notice). The engine told
        // observers, but the trace recorder ignored it: the trace showed the agreement ending by withdrawal without
        // saying who had left.
        using var dir = new TempDirectory();
        var file = dir.Combine("small-withdrawal.yaml");
        File.WriteAllText(file, File.ReadAllText(TestCli.TestData("small.yaml")).Replace(
            "compliance:\n  horizon: 52\n  periodDays: 7\n",
            "compliance:\n  horizon: 52\n  periodDays: 7\n  withdrawal: {probability: 0.5, noticeDays: 14, parties: [east]}\n",
            StringComparison.Ordinal));

        var result = TestCli.Run("trace", file, "--find", "agreement", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains(",east,party-withdrawal-notice,", result.Out, StringComparison.Ordinal);
        Assert.Contains("East gives notice under the withdrawal clause", TestCli.Run("trace", file, "--find", "agreement").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_WritesTheFileAndNothingToStdout()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("handout.md");
        var result = TestCli.Run("trace", Syria, "--format", "markdown", "--out", file);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("# Trace: ", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Chart_WritesUtilitiesAndPlane_ForTheTwoSignatoriesOfSyria()
    {
        using var dir = new TempDirectory();
        var result = TestCli.Run("trace", Syria, "--chart", dir.Path, "--theme", "projector");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            ["trace-plane.png", "trace-plane.svg", "trace-utilities.png", "trace-utilities.svg"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_TracesTheFirstRunWithTheOutcome_AndSaysWhichRun()
    {
        var result = TestCli.Run("trace", Syria, "--variant", "with-enforcement", "--find", "agreement", "--run", "3", "--format", "json");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var compiled = CompiledVariant.Compile(ScenarioLoader.Load(Syria).Variants.Single(v => v.Id == "with-enforcement"));
        var run = Tracer.Find(compiled, 1, 3, TraceOutcome.Agreement)!.Value;
        Assert.Equal($"negotiate: run {run} is the first from 3 on with outcome 'agreement'.\n", result.Error.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(TraceExport.Json(Tracer.Replay(compiled, 1, run)), result.Out);
    }

    [Fact]
    public void UnknownVariant_ExitsWith2_NamingTheVariantsTheFileHas()
    {
        var result = TestCli.Run("trace", Syria, "--variant", "nope");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var known = string.Join(", ", ScenarioLoader.Load(Syria).Variants.Select(v => v.Id));
        Assert.Equal($"negotiate: error: --variant 'nope' is not a variant of {Syria}; expected one of: {known}\n", result.Error);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData(new[] { "--run", "-1" }, "negotiate: error: --run must be 0 or more, got -1\n")]
    [InlineData(new[] { "--format", "pdf" }, "negotiate: error: --format must be one of text, markdown, json, csv; got 'pdf'\n")]
    [InlineData(new[] { "--find", "peace" }, "negotiate: error: --find must be one of agreement, breakdown, collapse; got 'peace'\n")]
    public void BadOption_ExitsWith2_WithAClearMessage(string[] options, string message)
    {
        var result = TestCli.Run(["trace", Syria, .. options]);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(message, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void MissingFile_ExitsWith2_WithoutAStackTrace()
    {
        var result = TestCli.Run("trace", "no/such/scenario.yaml");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("no/such/scenario.yaml", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCollapse_WithoutAComplianceSection_ExitsWith2()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("talks.yaml");
        File.WriteAllText(file, Talks(reservation: 0.2));
        var result = TestCli.Run("trace", file, "--find", "collapse");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal("negotiate: error: --find collapse: variant 'baseline' has no compliance section, so no agreement can collapse\n", result.Error);
    }

    [Fact]
    public void Find_WhenNoRunInTheBoundHasTheOutcome_ExitsWith1_SayingWhichRunsWereSearched()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("talks.yaml");
        // B's BATNA of 0.9 beats anything A accepts ("b" is across A's red line; "mid" is worth 0.5 to B): no run can agree.
        File.WriteAllText(file, Talks(reservation: 0.9));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = TraceCommand.Execute(TestCli.Context(output, error), new TraceCommand.TraceSettings(file, Run: 10, Find: "agreement", FindLimit: 25));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("negotiate: error: no run with outcome 'agreement' among runs 10–34 of seed 1 (variant 'baseline'); try another --seed or --run\n", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Text_OnATerminal_UsesAnsiColour_ButNotWhenWritingAFile()
    {
        var output = new StringWriter();
        var code = TraceCommand.Execute(TestCli.Context(output, new StringWriter(), interactive: true), new TraceCommand.TraceSettings(Syria));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\u001b[1;33m", output.ToString(), StringComparison.Ordinal);

        using var dir = new TempDirectory();
        var file = dir.Combine("trace.txt");
        TraceCommand.Execute(TestCli.Context(new StringWriter(), new StringWriter(), interactive: true), new TraceCommand.TraceSettings(Syria, Out: file));
        Assert.DoesNotContain("\u001b", File.ReadAllText(file), StringComparison.Ordinal);
    }

    /// <summary>Two parties over one issue; A (linear) wants "a" and never concedes "b", B wants "b" and has BATNA <paramref name="reservation"/>.</summary>
    private static string Talks(double reservation) => $"""
        schemaVersion: 1
        id: talks
        title: Talks
        issues:
          deal:
            name: Deal
            options: [a, mid, b]
        actors:
          a:
            name: A
            interests:
              deal:
                weight: 1
                values:
                  a: 1
                  mid: 0.5
                  b: 0
            redLines:
              deal: [b]
          b:
            name: B
            reservation: {reservation.ToString(System.Globalization.CultureInfo.InvariantCulture)}
            interests:
              deal:
                weight: 1
                values:
                  a: 0
                  mid: 0.5
                  b: 1
        protocol:
          deadline: 4
        """;
}
