using Negotiation.Cli.Infrastructure;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Tests.Commands;

public class CliPolishTest
{
    [Fact]
    public void MistypedVerb_GetsDidYouMean_AndExitsTwo()
    {
        var outcome = TestCli.Run("rnu", TestCli.Scenario("syria-coh-2016"));
        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("unknown command 'rnu'; did you mean 'run'?", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DumbTerminal_GetsNoEscapeCodes_EvenWhenInteractive()
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();
        var dumb = new CliContext(output, error, Interactive: true, Environment: name => name == "TERM" ? "dumb" : null, CancellationToken.None);
        Assert.False(dumb.Color);
        var code = CliApp.Run(["run", TestCli.Scenario("syria-coh-2016"), "--runs", "200", "--out", dir.Combine("r")], dumb);
        Assert.Equal(0, code);
        Assert.DoesNotContain("\u001b", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", error.ToString(), StringComparison.Ordinal);

        // The control: the same interactive terminal without TERM=dumb is coloured.
        var colour = new CliContext(new StringWriter(), new StringWriter(), Interactive: true, Environment: _ => null, CancellationToken.None);
        Assert.True(colour.Color);
    }

    [Fact]
    public async Task CtrlC_UnderTheLiveBar_PrintsTheStoppingMessageAfterTheBar()
    {
        var error = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var context = new CliContext(new StringWriter(), error, Interactive: true, Environment: _ => null, cancel.Token);
        var progress = new RunProgress(1000);
        using var release = new ManualResetEventSlim();
        var run = Task.Run(() => ProgressDisplay.Run(context, quiet: false, "runs", progress, () =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return 1;
        }));
        SpinWait.SpinUntil(() => ProgressDisplay.BarShowing, TimeSpan.FromSeconds(10));
        Assert.True(ProgressDisplay.BarShowing, "the bar did not start");
        cancel.Cancel();
        SpinWait.SpinUntil(() => !ProgressDisplay.BarShowing, TimeSpan.FromSeconds(10));
        release.Set();
        Assert.Equal(1, await run);
        // The message is the last thing written, after the bar's final frame, so nothing draws over it.
        Assert.EndsWith(ProgressDisplay.StoppingMessage + Environment.NewLine, error.ToString(), StringComparison.Ordinal);
    }
}
