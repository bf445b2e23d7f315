using System.Text;
using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// The summary the CLI prints after a run: one screen with the agreement rate per variant, each actor's mean
/// utility and beat-BATNA rate, one-year survival and the comparison lines. Plain text unless
/// <c>color</c> is true (the CLI passes true only when stdout is a terminal).
/// </summary>
public static class ConsoleReport
{
    /// <summary>Names longer than this are shortened with an ellipsis to keep the table on one screen.</summary>
    public const int NameWidth = 28;

    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    /// <summary>The table as text ending with a newline; ANSI colour codes only when <paramref name="color"/> is true.</summary>
    public static string Render(SimulationSummary summary, bool color)
    {
        Guard.NotNull(summary);
        var output = new Output(color);
        output.Line(Paint(Name(summary.Title, 80), Bold, color));
        output.Line($"seed {summary.Seed} · {Text.Integer(summary.CompletedRuns)} runs per variant · {summary.SourcePath}");
        if (summary.Shards.Count > 0)
        {
            output.Line(Paint($"SHARD {string.Join(", ", summary.Shards)} ONLY: {Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs; merge every shard (negotiate merge) for the result.", Yellow, color));
        }
        else if (!summary.Complete)
        {
            output.Line(Paint($"INCOMPLETE: stopped after {Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs per variant; figures cover the completed runs only.", Yellow, color));
        }

        output.Line();
        output.Table(
            ["Variant", "Name", "Agreement", "95% CI", "Median rounds", "1-year survival"],
            [false, false, true, true, true, true],
            summary.Variants.Select(v => new[]
            {
                Name(v.Id, IdWidth), Name(v.Name), Text.Percent(v.Agreement.Rate), Text.PercentRange(v.Agreement.Ci95.Low, v.Agreement.Ci95.High),
                v.Agreement.Count > 0 ? Text.Number(v.Rounds.Median) : Text.NotAvailable,
                v.Compliance is { } c && v.Agreement.Count > 0 ? Text.Percent(c.OneYearSurvival) : Text.NotAvailable,
            }));

        output.Line();
        Actors(output, summary);

        foreach (VariantComparison comparison in summary.Comparisons)
        {
            output.Line();
            output.Line(Paint($"{Name(comparison.VariantId, IdWidth)} vs {Name(comparison.BaselineId, IdWidth)}", Bold, color));
            var unclear = new List<string>();
            var unclearActors = new List<string>();
            foreach ((string label, string? actor, Difference d) in Differences(summary, comparison))
            {
                if (d.Distinguishable)
                {
                    output.Line("  " + Paint(d.Statement, d.Estimate > 0 ? Green : Red, color));
                }
                else if (actor is not null)
                {
                    unclearActors.Add(actor);
                }
                else
                {
                    unclear.Add(label);
                }
            }

            // Differences the runs cannot tell from zero share one line, so many actors still fit on a screen.
            if (unclearActors.Count > 0)
            {
                unclear.Insert(Math.Min(1, unclear.Count), "utility of " + string.Join(", ", unclearActors));
            }

            if (unclear.Count > 0)
            {
                output.Line("  " + Paint("Not distinguishable from zero at 95%: " + string.Join("; ", unclear) + ".", Dim, color));
            }
        }

        return output.ToString();
    }

    // Up to this many variants the actor table has one column per variant; beyond it, one row per variant and actor.
    private const int WideVariants = 5;
    private const int IdWidth = 16;

    private static void Actors(Output output, SimulationSummary summary)
    {
        List<VariantSummary> variants = summary.Variants.ToList();
        if (variants.Count <= WideVariants)
        {
            List<(string Id, string Name)> actors = variants.SelectMany(v => v.Actors).Select(a => (a.Id, a.Name)).Distinct().ToList();
            output.Line("Mean utility / share of runs beating the BATNA");
            output.Table(
                ["Actor", .. variants.Select(v => Name(v.Id, IdWidth))],
                [false, .. variants.Select(_ => true)],
                actors.Select(a => new[] { Name(a.Name) }.Concat(variants.Select(v => ActorCell(v.Actors.FirstOrDefault(x => x.Id == a.Id)))).ToArray()));
            return;
        }

        output.Table(
            ["Variant", "Actor", "Mean utility", "Beat BATNA"],
            [false, false, true, true],
            variants.SelectMany(v => v.Actors.Select((a, i) => new[]
            {
                i == 0 ? Name(v.Id, IdWidth) : string.Empty, Name(a.Name), Text.Number(a.Utility.OrUndefined().Mean, "0.000"), Text.Percent(a.BeatBatnaRate, 0),
            })));
    }

    private static string ActorCell(ActorSummary? actor) => actor is null
        ? "-"
        : $"{Text.Number(actor.Utility.OrUndefined().Mean, "0.000")} / {Text.Percent(actor.BeatBatnaRate, 0),4}";

    // Each difference with a label for the "not distinguishable" line; utility differences name their actor.
    private static IEnumerable<(string Label, string? Actor, Difference Difference)> Differences(SimulationSummary summary, VariantComparison comparison)
    {
        yield return ("agreement rate", null, comparison.AgreementRate);
        foreach (ActorDifference a in comparison.Utility)
        {
            string name = summary.Variants.SelectMany(v => v.Actors).FirstOrDefault(x => x.Id == a.ActorId)?.Name ?? a.ActorId;
            yield return ("utility", Name(name), a.Utility);
        }

        if (comparison.OneYearSurvival is not null)
        {
            yield return ("one-year holding", null, comparison.OneYearSurvival);
        }
    }

    private static string Paint(string text, string code, bool color) => color ? code + text + Reset : text;

    private static string Name(string name, int width = NameWidth)
    {
        // Control characters from a scenario must not reach the terminal (they could move the cursor or recolour).
        string clean = new(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= width ? clean : clean[..(width - 1)] + "…";
    }

    private sealed class Output(bool color)
    {
        private readonly StringBuilder text = new();

        public void Line(string line = "") => text.Append(line).Append('\n');

        public void Table(string[] headers, bool[] rightAligned, IEnumerable<string[]> rows)
        {
            List<string[]> body = rows.ToList();
            int[] widths = headers.Select((h, i) => body.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
            string Row(string[] cells) => string.Join("  ", cells.Select((c, i) => rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
            Line(Paint(Row(headers), Bold, color));
            body.ForEach(r => Line(Row(r)));
        }

        public override string ToString() => text.ToString();
    }
}
