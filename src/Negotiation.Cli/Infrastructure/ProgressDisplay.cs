using System.Diagnostics;
using System.Globalization;
using Negotiation.Simulation.MonteCarlo;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Negotiation.Cli.Infrastructure;

/// <summary>
/// Shows how a long run is going while the work runs on another thread: a live bar with runs per
/// second and time left on an interactive terminal; plain lines every few seconds when output is redirected
/// or CI is set; nothing with --quiet. Progress goes to stderr so stdout stays clean for --json.
/// </summary>
public static class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static T Run<T>(CliContext context, bool quiet, string label, RunProgress progress, Func<T> work)
    {
        var task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        if (quiet || progress.Total == 0)
        {
            return task.GetAwaiter().GetResult();
        }

        if (context.Interactive && !context.IsCi && !context.DumbTerminal)
        {
            ShowBar(context, label, progress, task);
        }
        else
        {
            ShowLines(context, label, progress, task);
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>True while the live bar owns the terminal; Ctrl+C then leaves its message to <see cref="ShowBar"/>.</summary>
    public static volatile bool BarShowing;

    /// <summary>What Ctrl+C prints: the run stops after the current chunk and writes what it has.</summary>
    public const string StoppingMessage = "negotiate: stopping after the current chunk of runs (Ctrl+C again to abort)...";

    // The live bar redraws its lines in place, so a message written under it by the Ctrl+C handler was overwritten:
    // on cancellation the bar stops first and the message is printed after it.
    private static void ShowBar(CliContext context, string label, RunProgress progress, Task task)
    {
        BarShowing = true;
        try
        {
            Bar(context, label, progress, task);
        }
        finally
        {
            BarShowing = false;
        }

        if (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine(StoppingMessage);
        }
    }

    private static void Bar(CliContext context, string label, RunProgress progress, Task task)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RunsPerSecondColumn(),
                new RemainingTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask(Markup.Escape(label), maxValue: progress.Total);
                while (!task.Wait(100) && !context.Cancellation.IsCancellationRequested)
                {
                    bar.Value = progress.Completed;
                }

                bar.Value = progress.Completed;
            });
    }

    private static void ShowLines(CliContext context, string label, RunProgress progress, Task task)
    {
        var clock = Stopwatch.StartNew();
        while (!task.Wait(PlainInterval))
        {
            var done = progress.Completed;
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            var left = rate > 0 ? (progress.Total - done) / rate : double.NaN;
            context.Error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0}: {1:N0} / {2:N0} runs ({3:P0}), {4:N0} runs/s, about {5} left",
                label,
                done,
                progress.Total,
                (double)done / progress.Total,
                rate,
                double.IsNaN(left) ? "?" : TimeSpan.FromSeconds(Math.Ceiling(left)).ToString("c", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Runs per second, from Spectre's own smoothed speed estimate.</summary>
    private sealed class RunsPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Format(CultureInfo.InvariantCulture, "{0,12:N0} runs/s", task.Speed ?? 0));
    }
}
