using System.Globalization;
using System.Text;
using Negotiation.Core.Common;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// Renders a trace for people: plain text for the terminal (changed terms in ANSI bold colour when
/// <c>color</c>, else marked with *) and markdown for handouts (changed terms in **bold**). Quiet stretches of
/// the compliance phase are summarised in one line.
/// </summary>
public static class TraceRenderer
{
    private const string Bold = "\u001b[1;33m";
    private const string Reset = "\u001b[0m";

    public static string Text(RunTrace trace, bool color = false) => Render(Guard.NotNull(trace), markdown: false, color);

    public static string Markdown(RunTrace trace) => Render(Guard.NotNull(trace), markdown: true, color: false);

    private static string Render(RunTrace trace, bool markdown, bool color)
    {
        var w = new Writer(markdown, color);
        var s = trace.Scenario;
        var protocol = s.Protocol;
        w.Title($"Trace: {s.Metadata.Title}");
        w.Para($"Variant {w.Code(trace.Variant.Id)} ({trace.Variant.Name}), seed {trace.Seed.ToString(CultureInfo.InvariantCulture)}, run {trace.Run.ToString(CultureInfo.InvariantCulture)}.");
        w.Para($"Signatories: {string.Join(", ", trace.Signatories.Select(a => s.Actors[a].Name))}; rule: {Rule(protocol.Rule)}; "
            + $"deadline {protocol.Deadline} rounds of {Days(protocol.RoundDays)}"
            + (protocol.Kind == Core.Model.ProtocolKind.SingleText ? $"; single negotiating text drafted by {s.Actor(protocol.Mediator!).Name}." : "."));
        w.Para($"Changed terms are {(markdown ? "in **bold**" : color ? $"{Bold}highlighted{Reset}" : "marked *")}; utilities are between 0 and 1; BATNA = the utility of no deal.");
        w.Blank();

        w.Heading("Negotiation");
        TraceOffer? previous = null;
        TraceRound? believedBefore = null;
        foreach (var round in trace.Rounds)
        {
            w.SubHeading($"Round {round.Round}");
            foreach (var e in round.EventsFired)
            {
                w.Item($"Event: {w.Strong(s.Events[e].Name)} happens{EventEffects(trace, e)}.");
            }

            foreach (var line in TraceWords.Beliefs(trace, round, believedBefore))
            {
                w.Item(line);
            }

            believedBefore = round;

            foreach (var stay in round.Stays.Where(st => !st.Left))
            {
                w.Item(TraceWords.Stays(trace, stay));
            }

            if (round.WalkOut is { } walk)
            {
                var weighed = round.Stays.FirstOrDefault(st => st.Actor == walk.Actor && st.Left);
                w.Item(weighed is null
                    ? $"{s.Actors[walk.Actor].Name} walks out: its BATNA {TraceWords.U(walk.Reservation)} beats the best it could still obtain, {TraceWords.U(walk.BestObtainable)}."
                    : TraceWords.WalksOut(trace, weighed, walk));
                continue;
            }

            if (round.Offer is not { } offer)
            {
                w.Item("No offer: the proposer has no package within its own red lines and passes.");
                continue;
            }

            var changed = TraceWords.Changed(offer, previous);
            var terms = s.Issues.Select((issue, j) =>
            {
                var text = $"{issue.Name}: {TraceWords.Term(s, j, offer.Package[j])}";
                return changed[j] && previous is not null ? w.Highlight(text) : text;
            });
            var who = offer.Proposer < 0 ? "Opening proposal" : $"{s.Actors[offer.Proposer].Name} proposes";
            w.Item($"{who}:");
            foreach (var term in terms)
            {
                w.Item(term, 1);
            }

            w.Item("Utilities: " + string.Join(", ", s.Actors.Select((a, i) => $"{a.Name} {TraceWords.U(offer.Utilities[i])}")));
            foreach (var r in round.Responses.Where(r => r.Bloc < 0))
            {
                foreach (var m in round.Responses.Where(m => m.Bloc == r.Actor))
                {
                    w.Item($"{s.Actors[m.Actor].Name} (member of {s.Actors[r.Actor].Name}) {TraceWords.Reason(trace, round, m)}", 1);
                }

                w.Item($"{s.Actors[r.Actor].Name} {TraceWords.Reason(trace, round, r)}");
            }

            previous = offer;
        }

        w.Blank();
        w.Para(w.Strong("Outcome:") + " " + TraceWords.NegotiationOutcome(trace));
        if (trace.Negotiation.Agreed)
        {
            w.Para("Agreed terms: " + string.Join("; ", s.Issues.Select((issue, j) => $"{issue.Name}: {TraceWords.Term(s, j, trace.Package[j])}")));
            w.Para("Utilities of the agreement: " + string.Join(", ", s.Actors.Select((a, i) => $"{a.Name} {TraceWords.U(trace.Utilities[i])} (BATNA {TraceWords.U(trace.Reservations[i])})")));
        }

        if (trace.Compliance is { } c)
        {
            w.Blank();
            w.Heading($"Compliance: {c.Horizon} periods of {Days(c.PeriodDays)}");
            Compliance(w, trace, c);
            w.Blank();
            w.Para(w.Strong("Ended:") + " " + TraceWords.ComplianceOutcome(trace, c));
        }
        else if (trace.Negotiation.Agreed)
        {
            w.Blank();
            w.Para("The scenario has no compliance section: the agreement's life is not simulated.");
        }

        return w.ToString();
    }

    /// <summary>
    /// Period by period; stretches where nothing touched the agreement — no entry, or only spoiler attacks that
    /// were correctly attributed — are told in one line with the number of such attacks.
    /// </summary>
    private static void Compliance(Writer w, RunTrace trace, TraceCompliance c)
    {
        var byPeriod = c.Entries.Select((e, k) => (Entry: e, Text: TraceWords.Entry(trace, c.Entries, k)))
            .Where(x => x.Text is not null)
            .GroupBy(x => x.Entry.Period)
            .ToDictionary(g => g.Key, g => g.ToArray());
        var end = TraceWords.LastPeriod(c);
        var last = Math.Max(end, byPeriod.Count == 0 ? 0 : byPeriod.Keys.Max());
        var quietFrom = 0;
        var harmless = 0;
        for (var t = 1; t <= last + 1; t++)
        {
            var entries = byPeriod.GetValueOrDefault(t) ?? [];
            var quiet = entries.All(x => x.Entry is SpoilerEntry { Misattributed: false });
            if (t <= last && quiet)
            {
                quietFrom = quietFrom == 0 ? t : quietFrom;
                harmless += entries.Length;
                continue;
            }

            if (quietFrom > 0)
            {
                var to = Math.Min(t - 1, end);
                var attacks = harmless == 0 ? "" : $" ({harmless} spoiler attack{(harmless == 1 ? "" : "s")}, correctly attributed)";
                w.Item(quietFrom == to ? $"Period {to}: no violation{attacks}." : $"Periods {quietFrom}–{to}: no violation{attacks}.");
                quietFrom = 0;
                harmless = 0;
            }

            if (entries.Length == 1)
            {
                w.Item($"Period {t}: {entries[0].Text}.");
            }
            else if (entries.Length > 1)
            {
                w.Item($"Period {t}:");
                foreach (var (_, line) in entries)
                {
                    w.Item(char.ToUpperInvariant(line![0]) + line[1..] + ".", 1);
                }
            }
        }
    }

    private static string EventEffects(RunTrace trace, int e)
    {
        var s = trace.Scenario;
        var effects = s.Events[e].Effects.Select(effect => effect switch
        {
            Core.Model.ReservationShift r => $"{s.Actor(r.ActorId).Name}'s BATNA {Shift(r.Delta)}",
            Core.Model.ValueShift v => $"{s.Actor(v.ActorId).Name}'s value of {s.Issue(v.IssueId).Name}{(v.OptionId is null ? "" : ": " + v.OptionId)} {Shift(v.Delta)}",
            _ => "",
        }).Where(x => x.Length > 0).ToArray();
        return effects.Length == 0 ? "" : " (" + string.Join("; ", effects) + ")";
    }

    // The run's drawn shift is not part of the trace; an uncertain shift is shown by its mean.
    private static string Shift(Core.Model.Uncertain delta) =>
        (delta is Core.Model.Fixed ? "shifts by " : "shifts by about ") + Signed(delta.Mean);

    private static string Days(double days) => days == 1 ? "1 day" : days.ToString("0.#", CultureInfo.InvariantCulture) + " days";

    private static string Signed(double x) => (x >= 0 ? "+" : "−") + Math.Abs(x).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Rule(Core.Model.SigningRule rule) => rule.Kind switch
    {
        Core.Model.SigningRuleKind.Unanimity => "unanimity",
        Core.Model.SigningRuleKind.Majority => "majority",
        _ => $"quota of {rule.Quota}",
    };

    /// <summary>Text or markdown lines with the same structure.</summary>
    private sealed class Writer(bool markdown, bool color)
    {
        private readonly StringBuilder _text = new();

        public void Title(string text)
        {
            Line(markdown ? "# " + text : text);
            if (markdown)
            {
                Blank();
            }
        }

        /// <summary>A line of text; in markdown a paragraph of its own, so consecutive lines do not run together.</summary>
        public void Para(string text)
        {
            Line(text);
            if (markdown)
            {
                Blank();
            }
        }

        public void Heading(string text)
        {
            Blank();
            Line(markdown ? "## " + text : text);
            if (markdown)
            {
                Blank();
            }
            else
            {
                Line(new string('-', text.Length));
            }
        }

        public void SubHeading(string text)
        {
            if (markdown)
            {
                Blank();
                Line("### " + text);
                Blank();
            }
            else
            {
                Line(text);
            }
        }

        public void Item(string text, int level = 0) =>
            Line(markdown ? new string(' ', 2 * level) + "- " + text : new string(' ', 2 + 2 * level) + text);

        public string Highlight(string text) => markdown ? $"**{text}**" : color ? Bold + text + Reset : text + "*";

        public string Strong(string text) => markdown ? $"**{text}**" : text;

        public string Code(string text) => markdown ? $"`{text}`" : $"'{text}'";

        public void Line(string text) => _text.Append(text).Append('\n');

        public void Blank()
        {
            if (_text.Length > 0 && !(_text.Length >= 2 && _text[^1] == '\n' && _text[^2] == '\n'))
            {
                _text.Append('\n');
            }
        }

        public override string ToString() => _text.ToString();
    }
}
