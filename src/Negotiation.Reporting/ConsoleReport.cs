using System.Text;
using Negotiation.Core.Common;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// The summary the CLI prints after a run: one screen with the agreement rate per variant, each actor's mean
/// utility and beat-BATNA rate, one-year survival and the comparison lines. The tables are Spectre.Console tables
/// (<see cref="ConsoleTable"/>) that fit <c>width</c> columns: a long name wraps within its cell, never cut. Plain text
/// unless <c>color</c> is true (the CLI passes true only when stdout is a terminal that understands colour).
/// </summary>
public static class ConsoleReport
{
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    /// <summary>The table as text ending with a newline; ANSI colour codes only when <paramref name="color"/> is true.</summary>
    /// <param name="width">The terminal's width in columns; <see cref="ConsoleTable.DefaultWidth"/> when it is not a terminal.</param>
    public static string Render(SimulationSummary summary, bool color, int width = ConsoleTable.DefaultWidth)
    {
        Guard.NotNull(summary);
        var output = new Output(color, width);
        output.Sentence("", Name(summary.Title), Bold);
        output.Sentence("", $"seed {summary.Seed} · {Text.Integer(summary.CompletedRuns)} runs per variant · {Name(summary.SourcePath)}");
        if (summary.Shards.Count > 0)
        {
            output.Sentence("", $"SHARD {string.Join(", ", summary.Shards)} ONLY: {Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs; merge every shard (negotiate merge) for the result.", Yellow);
        }
        else if (!summary.Complete)
        {
            output.Sentence("", $"INCOMPLETE: stopped after {Text.Integer(summary.CompletedRuns)} of {Text.Integer(summary.Runs)} runs per variant; figures cover the completed runs only.", Yellow);
        }

        output.Line();
        output.Table(
            ["Variant", "Name", "Agreement", "95% CI", "Median rounds", "1-year survival"],
            [false, false, true, true, true, true],
            summary.Variants.Select(v => new[]
            {
                Name(v.Id), Name(v.Name), Text.Percent(v.Agreement.Rate), Text.PercentRange(v.Agreement.Ci95.Low, v.Agreement.Ci95.High),
                v.Agreement.Count > 0 ? Text.Number(v.Rounds.Median) : Text.NotAvailable,
                v.Compliance is { } c && v.Agreement.Count > 0 ? Text.Percent(c.OneYearSurvival) : Text.NotAvailable,
            }),
            firstWraps: false);

        output.Line();
        Actors(output, summary);

        foreach (VariantComparison comparison in summary.Comparisons)
        {
            output.Line();
            output.Sentence("", $"{Name(comparison.VariantId)} vs {Name(comparison.BaselineId)}", Bold);
            var unclear = new List<string>();
            var unclearActors = new List<string>();
            foreach ((string label, string? actor, Difference d) in Differences(summary, comparison))
            {
                if (d.Distinguishable)
                {
                    output.Sentence("  ", Name(d.Statement), d.Estimate > 0 ? Green : Red);
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
                output.Sentence("  ", "Not distinguishable from zero at 95%: " + string.Join("; ", unclear) + ".", Dim);
            }
        }

        return output.ToString();
    }

    // Up to this many variants the actor table has one column per variant; beyond it, one row per variant and actor.
    private const int WideVariants = 5;

    private static void Actors(Output output, SimulationSummary summary)
    {
        List<VariantSummary> variants = summary.Variants.ToList();
        if (variants.Count <= WideVariants)
        {
            List<(string Id, string Name)> actors = variants.SelectMany(v => v.Actors).Select(a => (a.Id, a.Name)).DistinctBy(a => a.Id).ToList();
            output.Line("Mean utility / share of runs beating the BATNA");
            // Column headers are where room is short: each variant's short label, else its id.
            output.Table(
                ["Actor", .. variants.Select(v => Name(v.Short ?? v.Id))],
                [false, .. variants.Select(_ => true)],
                actors.Select(a => new[] { Name(a.Name) }.Concat(variants.Select(v => ActorCell(v.Actors.FirstOrDefault(x => x.Id == a.Id)))).ToArray()));
            return;
        }

        output.Table(
            ["Variant", "Actor", "Mean utility", "Beat BATNA"],
            [false, false, true, true],
            variants.SelectMany(v => v.Actors.Select((a, i) => new[]
            {
                i == 0 ? Name(v.Id) : string.Empty, Name(a.Name), Text.Number(a.Utility.OrUndefined().Mean, "0.000"), Text.Percent(a.BeatBatnaRate, 0),
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

    // Control characters from a scenario must not reach the terminal (they could move the cursor or recolour).
    private static string Name(string name) => ConsoleTable.Clean(name);

    private sealed class Output(bool color, int width)
    {
        private readonly StringBuilder text = new();

        public void Line(string line = "") => text.Append(line).Append('\n');

        /// <summary>A sentence wrapped at spaces to the width (continuation lines indented like the first), then painted.</summary>
        public void Sentence(string indent, string sentence, string? code = null)
        {
            foreach (string line in WrapWords(sentence, Math.Max(ConsoleTable.MinWidth, width) - indent.Length))
            {
                Line(indent + (code is null ? line : Paint(line, code, color)));
            }
        }

        // The first column is an id or a name: ids keep their line, names wrap.
        public void Table(string[] headers, bool[] rightAligned, IEnumerable<string[]> rows, bool firstWraps = true) =>
            text.Append(ConsoleTable.Render(headers, rightAligned, rows, color, width, [firstWraps, .. rightAligned.Skip(1).Select(r => !r)]));

        public override string ToString() => text.ToString();

        // Words on lines of at most `limit` characters; a word longer than a line is split, never cut.
        private static IEnumerable<string> WrapWords(string sentence, int limit)
        {
            var line = new StringBuilder();
            foreach (string whole in sentence.Split(' '))
            {
                string word = whole;
                while (word.Length > limit)
                {
                    if (line.Length > 0)
                    {
                        yield return line.ToString();
                        line.Clear();
                    }

                    yield return word[..limit];
                    word = word[limit..];
                }

                if (line.Length > 0 && line.Length + 1 + word.Length > limit)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : "").Append(word);
            }

            yield return line.ToString();
        }
    }
}
