using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>
/// Binds the optional <c>compliance:</c> section — the life of the agreement after signature: provisions,
/// monitoring mechanisms, spoilers, staged terms and renewal.
/// </summary>
internal static class ComplianceBinder
{
    private static readonly Dictionary<string, MechanismKind> MechanismKinds = new()
    {
        ["joint-monitoring"] = MechanismKind.JointMonitoring,
        ["demilitarised-zone"] = MechanismKind.DemilitarisedZone,
        ["peacekeepers"] = MechanismKind.Peacekeepers,
        ["verification"] = MechanismKind.Verification,
        ["sanctions-snapback"] = MechanismKind.SanctionsSnapback,
    };

    public static ComplianceDesign? Bind(BindContext context, YamlNode node, ScenarioIndex index)
    {
        if (context.Fields(node, "compliance", "horizon", "periodDays", "rateUnitDays", "provisions", "mechanisms", "spoilers", "stages", "renewal", "withdrawal") is not { } fields)
        {
            return null;
        }

        foreach (var (id, _, _) in IdMap.Entries(context, fields.Optional("stages"), "compliance.stages"))
        {
            index.StageIds.Add(id);
        }

        var horizon = fields.Integer("horizon", 1, ScenarioBounds.MaxHorizon) ?? 52;
        var periodDays = fields.Number("periodDays", Limits.Positive) ?? 7;
        var rateUnitDays = fields.Number("rateUnitDays", Limits.Positive);
        var stages = Stages(context, fields.Optional("stages"));
        var provisions = Provisions(context, fields.Optional("provisions"), index);
        var mechanisms = Mechanisms(context, fields.Optional("mechanisms"), index);
        var spoilers = Spoilers(context, fields.Optional("spoilers"), index);
        var renewal = fields.Optional("renewal") is { } renewalNode ? Renewal(context, renewalNode) : null;
        var withdrawal = fields.Optional("withdrawal") is { } withdrawalNode ? Withdrawal(context, withdrawalNode, index) : null;
        return new ComplianceDesign(horizon, periodDays, provisions, mechanisms, spoilers, stages, renewal)
        {
            Position = fields.Position, RateUnitDays = rateUnitDays, Withdrawal = withdrawal,
        };
    }

    private static IReadOnlyList<Provision> Provisions(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var provisions = new List<Provision>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "compliance.provisions"))
        {
            if (context.Fields(value, $"compliance.provisions.{id}", "name", "description", "obligated", "temptation", "penalty", "when", "stage", "untilDays", "partial") is not { } fields)
            {
                continue;
            }

            var obligated = fields.Required("obligated", "[<actor id>, ...]") is { } obligatedNode
                ? NonEmptyReferences(context, obligatedNode, fields.PathOf("obligated"), index.ActorIds)
                : null;
            var temptation = fields.Required("temptation", "<gain per period from violating, >= 0>") is { } temptationNode
                ? context.Uncertain(temptationNode, fields.PathOf("temptation"), Limits.NonNegative)
                : null;
            var penalty = fields.Uncertain("penalty", Limits.NonNegative);
            var when = When(context, fields, index, out var whenOk);
            var stage = StageReference(context, fields, index, out var stageOk);
            var until = fields.Number("untilDays", Limits.Positive);
            var partial = fields.Optional("partial") is { } partialNode ? Partial(context, partialNode, $"compliance.provisions.{id}.partial") : null;
            if (obligated is not null && temptation is not null && whenOk && stageOk && (penalty is not null || fields.Optional("penalty") is null)
                && (partial is not null || fields.Optional("partial") is null))
            {
                provisions.Add(new Provision(id, fields.Text("name") ?? id, obligated, temptation, penalty ?? 0.0, when, fields.Text("description"))
                {
                    Position = key.Position,
                    Stage = stage,
                    UntilDays = until,
                    Partial = partial,
                });
            }
        }

        return provisions;
    }

    private static IReadOnlyList<Mechanism> Mechanisms(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var mechanisms = new List<Mechanism>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "compliance.mechanisms"))
        {
            if (context.Fields(value, $"compliance.mechanisms.{id}", "name", "description", "type", "detection", "falseAlarm", "penalty", "stage", "when", "untilDays") is not { } fields
                || fields.Required("type", "joint-monitoring") is not { } typeNode)
            {
                continue;
            }

            var (kindOk, kind) = Fields.ContextChoice(context, typeNode, fields.PathOf("type"), MechanismKinds);
            var detection = fields.Uncertain("detection", Limits.Unit);
            var falseAlarm = fields.Uncertain("falseAlarm", Limits.Unit);
            var penalty = fields.Uncertain("penalty", Limits.NonNegative);
            var stage = StageReference(context, fields, index, out var stageOk);
            var when = When(context, fields, index, out var whenOk);
            var until = fields.Number("untilDays", Limits.Positive);
            var numbersOk = Given(fields, "detection", detection) && Given(fields, "falseAlarm", falseAlarm) && Given(fields, "penalty", penalty);
            if (kindOk && whenOk && numbersOk && stageOk)
            {
                mechanisms.Add(new Mechanism(id, fields.Text("name") ?? id, kind, detection, falseAlarm, penalty, stage, when, fields.Text("description"))
                {
                    Position = key.Position,
                    UntilDays = until,
                });
            }
        }

        return mechanisms;
    }

    private static IReadOnlyList<Spoiler> Spoilers(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var spoilers = new List<Spoiler>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "compliance.spoilers"))
        {
            if (context.Fields(value, $"compliance.spoilers.{id}", "name", "description", "attackProbability", "misattribution", "blamedOn") is not { } fields)
            {
                continue;
            }

            var attack = fields.Required("attackProbability", "<probability per period>") is not null ? fields.Uncertain("attackProbability", Limits.Unit) : null;
            var misattribution = fields.Uncertain("misattribution", Limits.Unit);
            var blamedOn = fields.Optional("blamedOn") is { } blamedNode
                ? ActorsBinder.References(context, blamedNode, fields.PathOf("blamedOn"), index.ActorIds, "actor")
                : [];
            if (attack is not null && blamedOn is not null && Given(fields, "misattribution", misattribution))
            {
                spoilers.Add(new Spoiler(id, fields.Text("name") ?? id, attack, misattribution ?? 0.0, blamedOn, fields.Text("description"))
                {
                    Position = key.Position,
                });
            }
        }

        return spoilers;
    }

    private static IReadOnlyList<Stage> Stages(BindContext context, YamlNode? section)
    {
        var stages = new List<Stage>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "compliance.stages"))
        {
            if (context.Fields(value, $"compliance.stages.{id}", "name", "description", "afterDays", "reward") is not { } fields)
            {
                continue;
            }

            var afterDays = fields.Required("afterDays", "<days the agreement must hold first>") is not null ? fields.Number("afterDays", Limits.NonNegative) : null;
            var reward = fields.Uncertain("reward", Limits.Any);
            if (afterDays is not null && Given(fields, "reward", reward))
            {
                stages.Add(new Stage(id, fields.Text("name") ?? id, afterDays.Value, reward ?? 0.0, fields.Text("description")) { Position = key.Position });
            }
        }

        return stages;
    }

    private static RenewalTerms? Renewal(BindContext context, YamlNode node)
    {
        if (context.Fields(node, "compliance.renewal", "everyDays", "noticeDays", "withdrawalProbability") is not { } fields)
        {
            return null;
        }

        var every = fields.Required("everyDays", "<days between renewals>") is not null ? fields.Number("everyDays", Limits.Positive) : null;
        var notice = fields.Number("noticeDays", Limits.NonNegative);
        var withdrawal = fields.Uncertain("withdrawalProbability", Limits.Unit);
        return every is not null && Given(fields, "noticeDays", notice) && Given(fields, "withdrawalProbability", withdrawal)
            ? new RenewalTerms(every.Value, notice ?? 0, withdrawal ?? 0.0)
            : null;
    }

    /// <summary>Binds <c>partial: {gain, detection}</c>: shares of the full violation's gain and detection, each in [0, 1].</summary>
    private static PartialViolation? Partial(BindContext context, YamlNode node, string path)
    {
        if (context.Fields(node, path, "gain", "detection") is not { } fields)
        {
            return null;
        }

        var gain = fields.Required("gain", "<share of the full violation's gain, 0..1>") is not null ? fields.Uncertain("gain", Limits.Unit) : null;
        var detection = fields.Required("detection", "<share of the full violation's detection probability, 0..1>") is not null
            ? fields.Uncertain("detection", Limits.Unit)
            : null;
        return gain is not null && detection is not null ? new PartialViolation(gain, detection) : null;
    }

    /// <summary>Binds <c>withdrawal: {probability, noticeDays, parties}</c>: a party may leave while the others go on.</summary>
    private static WithdrawalTerms? Withdrawal(BindContext context, YamlNode node, ScenarioIndex index)
    {
        if (context.Fields(node, "compliance.withdrawal", "probability", "noticeDays", "parties") is not { } fields)
        {
            return null;
        }

        var probability = fields.Required("probability", "<probability per rate unit that a party gives notice>") is not null
            ? fields.Uncertain("probability", Limits.Unit)
            : null;
        var notice = fields.Number("noticeDays", Limits.NonNegative);
        var parties = fields.Optional("parties") is { } partiesNode
            ? NonEmptyReferences(context, partiesNode, fields.PathOf("parties"), index.ActorIds)
            : null;
        return probability is not null && Given(fields, "noticeDays", notice) && (parties is not null || fields.Optional("parties") is null)
            ? new WithdrawalTerms(probability, notice ?? 0, parties)
            : null;
    }

    /// <summary>Binds <c>stage: &lt;stage id&gt;</c>; <paramref name="ok"/> is false when it was given but names no stage.</summary>
    private static string? StageReference(BindContext context, Fields owner, ScenarioIndex index, out bool ok)
    {
        var stage = owner.Optional("stage") is { } stageNode && context.Text(stageNode, owner.PathOf("stage")) is { } stageId
            ? (context.CheckReference(stageId, stageNode, index.StageIds, "stage") ? stageId : null)
            : null;
        ok = stage is not null || owner.Optional("stage") is null;
        return stage;
    }

    /// <summary>Binds <c>when: {issue, options}</c> or <c>{issue, min, max}</c>; <paramref name="ok"/> is false when it was given but wrong.</summary>
    private static TermCondition? When(BindContext context, Fields owner, ScenarioIndex index, out bool ok)
    {
        ok = true;
        if (owner.Optional("when") is not { } node)
        {
            return null;
        }

        ok = false;
        var path = owner.PathOf("when");
        if (context.Fields(node, path, "issue", "options", "min", "max") is not { } fields
            || fields.Required("issue", "<issue id>") is not { } issueNode
            || context.Text(issueNode, fields.PathOf("issue")) is not { } issueId
            || !context.CheckReference(issueId, issueNode, index.IssueIds, "issue")
            || !index.Issues.TryGetValue(issueId, out var issue))
        {
            return null;
        }

        if (issue.Kind == IssueKind.Discrete)
        {
            if (fields.Required("options", "[<option id>, ...]") is not { } optionsNode)
            {
                return null;
            }

            var options = NonEmptyReferences(context, optionsNode, fields.PathOf("options"), issue.Options.Select(o => o.Id).ToArray(), $"option", $"of issue '{issue.Id}'");
            ok = options is not null;
            return options is null ? null : new TermCondition(issueId, options);
        }

        var range = Limits.Within(issue.Min, issue.Max);
        var min = fields.Number("min", range);
        var max = fields.Number("max", range);
        ok = Given(fields, "min", min) && Given(fields, "max", max);
        if (fields.Optional("options") is { } wrong)
        {
            context.Error(wrong, $"{fields.PathOf("options")} is set for continuous issue '{issue.Id}'; expected min and max");
            ok = false;
        }

        return ok ? new TermCondition(issueId, [], min, max) : null;
    }

    private static IReadOnlyList<string>? NonEmptyReferences(BindContext context, YamlNode node, string path, IReadOnlyCollection<string> known, string kind = "actor", string? owner = null)
    {
        if (node is YamlSequence { Items.Count: 0 })
        {
            context.Error(node, $"{path} names nobody; expected at least one {kind}");
            return null;
        }

        return ActorsBinder.References(context, node, path, known, kind, owner);
    }

    /// <summary>True when an optional key is absent or was read without error.</summary>
    private static bool Given(Fields fields, string key, object? value) => value is not null || fields.Optional(key) is null;
}
