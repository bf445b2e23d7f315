using System.Text;
using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Writing;

/// <summary>
/// Writes any Core <see cref="Scenario"/> as YAML in the scenario format (schemaVersion 1, CONTRACT.md): ids as
/// mapping keys in scenario order, block style with short flow lists, every string quoted when a YAML reader could
/// take it for something else, numbers in invariant round-trip form. Values equal to the format's defaults
/// (power 1, resolution 21, roundDays 7, unanimity, default compliance traits) are left out.
/// </summary>
public static class ScenarioYamlWriter
{
    /// <param name="comment">Lines written as <c># ...</c> comments at the top (e.g. where an import came from).</param>
    public static string Write(Scenario scenario, string? comment = null)
    {
        Core.Common.Guard.NotNull(scenario);
        var w = new Emitter();
        if (!string.IsNullOrEmpty(comment))
        {
            foreach (var line in comment.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                w.Line(0, line.Length == 0 ? "#" : "# " + line);
            }
        }

        WriteMetadata(w, scenario.Metadata);
        WriteIssues(w, scenario.Issues);
        WriteActors(w, scenario);
        WriteProposals(w, scenario);
        WriteProtocol(w, scenario.Protocol);
        WriteEvents(w, scenario.Events);
        if (scenario.Compliance is { } compliance)
        {
            WriteCompliance(w, compliance);
        }

        return w.ToString();
    }

    private static void WriteMetadata(Emitter w, ScenarioMetadata metadata)
    {
        w.Line(0, $"schemaVersion: {metadata.SchemaVersion}");
        w.Line(0, $"id: {S(metadata.Id)}");
        w.Line(0, $"title: {S(metadata.Title)}");
        Optional(w, 0, "description", metadata.Description);
        if (metadata.Sources.Count > 0)
        {
            w.Line(0, "sources:");
            foreach (var source in metadata.Sources)
            {
                w.Line(1, $"- {S(source)}");
            }
        }
    }

    private static void WriteIssues(Emitter w, IReadOnlyList<Issue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        w.Line(0, "issues:");
        foreach (var issue in issues)
        {
            w.Line(1, $"{S(issue.Id)}:");
            w.Line(2, $"name: {S(issue.Name)}");
            Optional(w, 2, "short", issue.Short);
            Optional(w, 2, "description", issue.Description);
            if (issue.Kind == IssueKind.Discrete)
            {
                w.Line(2, "options:");
                foreach (var option in issue.Options)
                {
                    w.Line(3, option.Label == option.Id && option.Short is null
                        ? $"- {S(option.Id)}"
                        : $"- {{id: {S(option.Id)}, label: {S(option.Label)}{(option.Short is null ? "" : $", short: {S(option.Short)}")}}}");
                }
            }
            else
            {
                w.Line(2, $"range: [{N(issue.Min)}, {N(issue.Max)}]");
                Optional(w, 2, "unit", issue.Unit);
                if (issue.Resolution != 21)
                {
                    w.Line(2, $"resolution: {issue.Resolution}");
                }
            }
        }
    }

    private static void WriteActors(Emitter w, Scenario scenario)
    {
        if (scenario.Actors.Count == 0)
        {
            return;
        }

        w.Line(0, "actors:");
        foreach (var actor in scenario.Actors)
        {
            w.Line(1, $"{S(actor.Id)}:");
            w.Line(2, $"name: {S(actor.Name)}");
            Optional(w, 2, "short", actor.Short);
            Optional(w, 2, "description", actor.Description);
            if (actor.Power is not Fixed { Value: 1 })
            {
                w.Line(2, $"power: {U(actor.Power)}");
            }

            w.Line(2, actor.Reservation.TrendPerRound is Fixed { Value: 0 }
                ? $"reservation: {U(actor.Reservation.Value)}"
                : $"reservation: {{value: {U(actor.Reservation.Value)}, trend: {U(actor.Reservation.TrendPerRound)}}}");
            WriteInterests(w, scenario, actor);
            WriteRedLines(w, scenario, actor);
            w.Line(2, $"strategy: {Strategy(actor.Strategy)}");
            if (actor.Compliance != ComplianceTraits.Default)
            {
                var c = actor.Compliance;
                w.Line(2, "compliance:");
                w.Line(3, $"response: {Response(c.Response)}");
                w.Line(3, $"discount: {U(c.Discount)}");
                w.Line(3, $"forgiveness: {U(c.Forgiveness)}");
                w.Line(3, $"tolerance: {U(c.Tolerance)}");
            }

            if (actor.Bloc is { } bloc)
            {
                w.Line(2, $"members: {IdList(bloc.Members)}");
                if (bloc.Consent.Kind != SigningRuleKind.Unanimity)
                {
                    w.Line(2, $"consent: {Rule(bloc.Consent)}");
                }
            }

            if (actor.AnswersFor is { Count: > 0 } answersFor)
            {
                w.Line(2, $"answersFor: {IdList(answersFor)}");
            }
        }
    }

    private static void WriteInterests(Emitter w, Scenario scenario, Actor actor)
    {
        if (actor.Interests.Count == 0)
        {
            return;
        }

        w.Line(2, "interests:");
        foreach (var interest in actor.Interests)
        {
            w.Line(3, $"{S(interest.IssueId)}:");
            w.Line(4, $"weight: {U(interest.Weight)}");
            if (interest.OptionValues is { } values)
            {
                w.Line(4, "values:");
                foreach (var (option, value) in OrderedValues(scenario, interest.IssueId, values))
                {
                    w.Line(5, $"{S(option)}: {U(value)}");
                }
            }
            else if (interest.Curve is { } curve)
            {
                w.Line(4, $"curve: [{string.Join(", ", curve.Select(p => $"[{N(p.X)}, {N(p.Value)}]"))}]");
            }
            else if (interest.Ideal is { } ideal)
            {
                w.Line(4, $"ideal: {U(ideal)}");
                w.Line(4, $"loss: {(interest.Loss == LossShape.Quadratic ? "quadratic" : "linear")}");
            }
        }
    }

    /// <summary>Option values in the issue's option order (dictionaries do not promise one), unknown ids last.</summary>
    private static IEnumerable<KeyValuePair<string, Uncertain>> OrderedValues(
        Scenario scenario, string issueId, IReadOnlyDictionary<string, Uncertain> values)
    {
        var issue = scenario.Issues.FirstOrDefault(i => i.Id == issueId);
        var order = issue?.Options.Select(o => o.Id).ToList() ?? [];
        return values.OrderBy(kv => order.IndexOf(kv.Key) is var k and >= 0 ? k : int.MaxValue);
    }

    private static void WriteRedLines(Emitter w, Scenario scenario, Actor actor)
    {
        if (actor.RedLines.Count == 0)
        {
            return;
        }

        w.Line(2, "redLines:");
        foreach (var redLine in actor.RedLines)
        {
            var continuous = scenario.Issues.FirstOrDefault(i => i.Id == redLine.IssueId)?.Kind == IssueKind.Continuous;
            if (continuous || (redLine.ExcludedOptions.Count == 0 && (redLine.Min is not null || redLine.Max is not null)))
            {
                var parts = new List<string>();
                if (redLine.Min is { } min)
                {
                    parts.Add($"min: {N(min)}");
                }

                if (redLine.Max is { } max)
                {
                    parts.Add($"max: {N(max)}");
                }

                w.Line(3, $"{S(redLine.IssueId)}: {{{string.Join(", ", parts)}}}");
            }
            else
            {
                w.Line(3, $"{S(redLine.IssueId)}: {IdList(redLine.ExcludedOptions)}");
            }
        }
    }

    private static void WriteProposals(Emitter w, Scenario scenario)
    {
        if (scenario.Proposals.Count == 0)
        {
            return;
        }

        w.Line(0, "proposals:");
        foreach (var proposal in scenario.Proposals)
        {
            w.Line(1, $"{S(proposal.Id)}:");
            w.Line(2, $"name: {S(proposal.Name)}");
            Optional(w, 2, "description", proposal.Description);
            var terms = proposal.Terms.Select(t => $"{S(t.IssueId)}: {(t.OptionId is { } option ? S(option) : N(t.Value ?? double.NaN))}");
            w.Line(2, $"terms: {{{string.Join(", ", terms)}}}");
        }
    }

    private static void WriteProtocol(Emitter w, Protocol protocol)
    {
        w.Line(0, "protocol:");
        w.Line(1, $"type: {(protocol.Kind == ProtocolKind.SingleText ? "single-text" : "alternating-offers")}");
        w.Line(1, $"signatories: {IdList(protocol.Signatories)}");
        if (protocol.Rule.Kind != SigningRuleKind.Unanimity)
        {
            w.Line(1, $"rule: {Rule(protocol.Rule)}");
        }

        w.Line(1, $"proposers: {IdList(protocol.Proposers)}");
        w.Line(1, $"deadline: {protocol.Deadline}");
        if (protocol.RoundDays != 7)
        {
            w.Line(1, $"roundDays: {N(protocol.RoundDays)}");
        }

        Optional(w, 1, "mediator", protocol.Mediator);
        Optional(w, 1, "opening", protocol.Opening);
    }

    private static void WriteEvents(Emitter w, IReadOnlyList<ScenarioEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        w.Line(0, "events:");
        foreach (var e in events)
        {
            w.Line(1, $"{S(e.Id)}:");
            w.Line(2, $"name: {S(e.Name)}");
            Optional(w, 2, "description", e.Description);
            w.Line(2, $"round: {e.Round}");
            w.Line(2, $"probability: {U(e.Probability)}");
            w.Line(2, "effects:");
            foreach (var effect in e.Effects)
            {
                w.Line(3, effect switch
                {
                    ReservationShift shift => $"- {{actor: {S(shift.ActorId)}, reservation: {U(shift.Delta)}}}",
                    ValueShift shift when shift.OptionId is { } option =>
                        $"- {{actor: {S(shift.ActorId)}, issue: {S(shift.IssueId)}, option: {S(option)}, value: {U(shift.Delta)}}}",
                    ValueShift shift => $"- {{actor: {S(shift.ActorId)}, issue: {S(shift.IssueId)}, value: {U(shift.Delta)}}}",
                    _ => throw new NotSupportedException($"event effect {effect.GetType().Name} has no YAML form"),
                });
            }
        }
    }

    private static void WriteCompliance(Emitter w, ComplianceDesign c)
    {
        w.Line(0, "compliance:");
        w.Line(1, $"horizon: {c.Horizon}");
        w.Line(1, $"periodDays: {N(c.PeriodDays)}");
        if (c.RateUnitDays is { } unit)
        {
            w.Line(1, $"rateUnitDays: {N(unit)}");
        }
        if (c.Provisions.Count > 0)
        {
            w.Line(1, "provisions:");
            foreach (var p in c.Provisions)
            {
                w.Line(2, $"{S(p.Id)}:");
                w.Line(3, $"name: {S(p.Name)}");
                Optional(w, 3, "description", p.Description);
                w.Line(3, $"obligated: {IdList(p.Obligated)}");
                w.Line(3, $"temptation: {U(p.Temptation)}");
                w.Line(3, $"penalty: {U(p.Penalty)}");
                When(w, 3, p.When);
                Optional(w, 3, "stage", p.Stage);
                if (p.UntilDays is { } until)
                {
                    w.Line(3, $"untilDays: {N(until)}");
                }

                if (p.Partial is { } partial)
                {
                    w.Line(3, $"partial: {{gain: {U(partial.Gain)}, detection: {U(partial.Detection)}}}");
                }
            }
        }

        if (c.Mechanisms.Count > 0)
        {
            w.Line(1, "mechanisms:");
            foreach (var m in c.Mechanisms)
            {
                w.Line(2, $"{S(m.Id)}:");
                w.Line(3, $"name: {S(m.Name)}");
                Optional(w, 3, "description", m.Description);
                w.Line(3, $"type: {Mechanism(m.Kind)}");
                OptionalNumber(w, 3, "detection", m.Detection);
                OptionalNumber(w, 3, "falseAlarm", m.FalseAlarm);
                OptionalNumber(w, 3, "penalty", m.Penalty);
                Optional(w, 3, "stage", m.Stage);
                When(w, 3, m.When);
                if (m.UntilDays is { } until)
                {
                    w.Line(3, $"untilDays: {N(until)}");
                }
            }
        }

        if (c.Spoilers.Count > 0)
        {
            w.Line(1, "spoilers:");
            foreach (var s in c.Spoilers)
            {
                w.Line(2, $"{S(s.Id)}:");
                w.Line(3, $"name: {S(s.Name)}");
                Optional(w, 3, "description", s.Description);
                w.Line(3, $"attackProbability: {U(s.AttackProbability)}");
                w.Line(3, $"misattribution: {U(s.Misattribution)}");
                w.Line(3, $"blamedOn: {IdList(s.BlamedOn)}");
            }
        }

        if (c.Stages.Count > 0)
        {
            w.Line(1, "stages:");
            foreach (var s in c.Stages)
            {
                w.Line(2, $"{S(s.Id)}:");
                w.Line(3, $"name: {S(s.Name)}");
                Optional(w, 3, "description", s.Description);
                w.Line(3, $"afterDays: {N(s.AfterDays)}");
                w.Line(3, $"reward: {U(s.Reward)}");
            }
        }

        if (c.Renewal is { } r)
        {
            w.Line(1, $"renewal: {{everyDays: {N(r.EveryDays)}, noticeDays: {N(r.NoticeDays)}, withdrawalProbability: {U(r.WithdrawalProbability)}}}");
        }

        if (c.Withdrawal is { } wd)
        {
            var parties = wd.Parties is { } ids ? $", parties: {IdList(ids)}" : "";
            w.Line(1, $"withdrawal: {{probability: {U(wd.Probability)}, noticeDays: {N(wd.NoticeDays)}{parties}}}");
        }
    }

    private static void When(Emitter w, int depth, TermCondition? when)
    {
        if (when is null)
        {
            return;
        }

        var parts = new List<string> { $"issue: {S(when.IssueId)}" };
        if (when.Options.Count > 0)
        {
            parts.Add($"options: {IdList(when.Options)}");
        }

        if (when.Min is { } min)
        {
            parts.Add($"min: {N(min)}");
        }

        if (when.Max is { } max)
        {
            parts.Add($"max: {N(max)}");
        }

        w.Line(depth, $"when: {{{string.Join(", ", parts)}}}");
    }

    /// <summary>A preset's name when the spec is exactly that preset, else the mapping form.</summary>
    internal static string Strategy(StrategySpec spec)
    {
        if (spec == StrategySpec.Boulware())
        {
            return "boulware";
        }

        if (spec == StrategySpec.Linear())
        {
            return "linear";
        }

        if (spec == StrategySpec.Conceder())
        {
            return "conceder";
        }

        if (spec == StrategySpec.TitForTat())
        {
            return "tit-for-tat";
        }

        if (spec == StrategySpec.OutsideOption())
        {
            return "outside-option";
        }

        var type = spec.Kind switch
        {
            StrategyKind.TimeDependent => "time-dependent",
            StrategyKind.TitForTat => "tit-for-tat",
            StrategyKind.Hardliner => "hardliner",
            _ => "outside-option",
        };
        var parts = new List<string> { $"type: {type}", $"e: {U(spec.Exponent)}", $"start: {U(spec.Start)}" };
        if (spec.Floor is { } floor)
        {
            parts.Add($"floor: {U(floor)}");
        }

        if (spec.Reciprocity is { } reciprocity)
        {
            parts.Add($"reciprocity: {U(reciprocity)}");
        }

        if (spec.Level is { } level)
        {
            parts.Add($"level: {U(level)}");
        }

        return $"{{{string.Join(", ", parts)}}}";
    }

    private static string Response(ResponseKind kind) => kind switch
    {
        ResponseKind.GrimTrigger => "grim-trigger",
        ResponseKind.ForgivingTitForTat => "forgiving-tit-for-tat",
        _ => "proportional",
    };

    private static string Mechanism(MechanismKind kind) => kind switch
    {
        MechanismKind.JointMonitoring => "joint-monitoring",
        MechanismKind.DemilitarisedZone => "demilitarised-zone",
        MechanismKind.Peacekeepers => "peacekeepers",
        MechanismKind.Verification => "verification",
        _ => "sanctions-snapback",
    };

    private static string Rule(SigningRule rule) => rule.Kind switch
    {
        SigningRuleKind.Unanimity => "unanimity",
        SigningRuleKind.Majority => "majority",
        _ => $"{{quota: {rule.Quota}}}",
    };

    /// <summary>A number or a distribution mapping <c>{dist: ..}</c>.</summary>
    internal static string U(Uncertain value) => value switch
    {
        Fixed f => N(f.Value),
        UniformDist u => $"{{dist: uniform, min: {N(u.Min)}, max: {N(u.Max)}}}",
        TriangularDist t => $"{{dist: triangular, min: {N(t.Min)}, mode: {N(t.Mode)}, max: {N(t.Max)}}}",
        PertDist p => $"{{dist: pert, min: {N(p.Min)}, mode: {N(p.Mode)}, max: {N(p.Max)}}}",
        NormalDist n => $"{{dist: normal, mean: {N(n.Mu)}, sd: {N(n.Sigma)}"
            + (double.IsNegativeInfinity(n.Min) ? "" : $", min: {N(n.Min)}")
            + (double.IsPositiveInfinity(n.Max) ? "" : $", max: {N(n.Max)}") + "}",
        LogNormalDist l => $"{{dist: lognormal, mu: {N(l.Mu)}, sigma: {N(l.Sigma)}}}",
        BetaDist b => $"{{dist: beta, alpha: {N(b.Alpha)}, beta: {N(b.Beta)}"
            + (b.Min == 0 && b.Max == 1 ? "" : $", min: {N(b.Min)}, max: {N(b.Max)}") + "}",
        _ => throw new NotSupportedException($"{value.GetType().Name} has no YAML form"),
    };

    private static void Optional(Emitter w, int depth, string key, string? value)
    {
        if (value is not null)
        {
            w.Line(depth, $"{key}: {S(value)}");
        }
    }

    private static void OptionalNumber(Emitter w, int depth, string key, Uncertain? value)
    {
        if (value is not null)
        {
            w.Line(depth, $"{key}: {U(value)}");
        }
    }

    private static string IdList(IEnumerable<string> ids) => $"[{string.Join(", ", ids.Select(S))}]";

    private static string S(string value) => YamlText.String(value);

    private static string N(double value) => YamlText.Number(value);

    /// <summary>Two spaces per level, "\n" line ends whatever the platform, so output is byte-for-byte reproducible.</summary>
    private sealed class Emitter
    {
        private readonly StringBuilder _text = new();

        public void Line(int depth, string content) => _text.Append(' ', depth * 2).Append(content).Append('\n');

        public override string ToString() => _text.ToString();
    }
}
