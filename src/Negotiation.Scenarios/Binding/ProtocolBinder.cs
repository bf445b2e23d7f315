using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds <c>protocol:</c> — who signs under which rule, who proposes, the deadline, mediator and opening text.</summary>
internal static class ProtocolBinder
{
    internal static readonly string[] Keys = ["type", "signatories", "rule", "proposers", "deadline", "roundDays", "mediator", "opening",
        "information", "beliefNoise", "hazard", "deadlineMin", "recognition"];

    private static readonly Dictionary<string, InformationKind> Information = new()
    {
        ["private"] = InformationKind.Private,
        ["complete"] = InformationKind.Complete,
    };

    private static readonly Dictionary<string, RecognitionKind> Recognitions = new()
    {
        ["turns"] = RecognitionKind.Turns,
        ["power"] = RecognitionKind.Power,
    };

    private static readonly Dictionary<string, ProtocolKind> Kinds = new()
    {
        ["alternating-offers"] = ProtocolKind.AlternatingOffers,
        ["single-text"] = ProtocolKind.SingleText,
    };

    public static Protocol? Bind(BindContext context, YamlNode node, IReadOnlyList<string> actorIds, ScenarioIndex index)
    {
        if (context.Fields(node, "protocol", Keys) is not { } fields)
        {
            return null;
        }

        var kind = fields.Choice("type", Kinds, ProtocolKind.AlternatingOffers);
        var signatories = PartyList(context, fields, "signatories", actorIds, index);
        var proposers = fields.Optional("proposers") is null ? signatories : PartyList(context, fields, "proposers", actorIds, index);
        var rule = fields.Optional("rule") is { } ruleNode
            ? SigningRuleBinder.Bind(context, ruleNode, fields.PathOf("rule"), signatories?.Count)
            : SigningRule.Unanimity;
        var deadline = fields.Required("deadline", "<rounds, >= 1>") is { } deadlineNode
            ? context.Integer(deadlineNode, fields.PathOf("deadline"), 1, ScenarioBounds.MaxDeadline)
            : null;
        index.Deadline = deadline;
        var roundDays = fields.Number("roundDays", Limits.Positive) ?? 7;
        var mediator = Reference(context, fields, "mediator", index.ActorIds, "actor");
        var opening = Reference(context, fields, "opening", index.ProposalIds, "proposal");
        if (kind == ProtocolKind.SingleText && fields.Optional("mediator") is null)
        {
            context.Error(fields.Optional("type")!, "protocol.type is single-text but no mediator is named; expected mediator: <actor id> for a single negotiating text");
            return null;
        }

        var information = fields.Choice("information", Information, InformationKind.Private);
        var recognition = fields.Choice("recognition", Recognitions, RecognitionKind.Turns);
        var noise = fields.Number("beliefNoise", Limits.Positive);
        var hazard = fields.Uncertain("hazard", Limits.Within(0, 0.99));
        var deadlineMin = fields.Optional("deadlineMin") is { } minNode ? context.Integer(minNode, fields.PathOf("deadlineMin"), 1) : null;
        if (deadlineMin is { } lo && deadline is { } hi && lo > hi)
        {
            context.Error(fields.Optional("deadlineMin")!, $"{fields.PathOf("deadlineMin")} is {lo}, after the deadline {hi}; expected a first possible last round <= deadline");
            return null;
        }

        if (signatories is null || proposers is null || rule is null || deadline is null)
        {
            return null;
        }

        return new Protocol(kind, signatories, rule, proposers, deadline.Value, roundDays, mediator, opening)
        {
            Position = fields.Position,
            Information = information,
            Recognition = recognition,
            BeliefNoise = noise,
            Hazard = hazard,
            DeadlineMin = deadlineMin,
        };
    }

    /// <summary>A party list: the word <c>all</c> (every actor) or a non-empty list of actor ids. Absent means all.</summary>
    private static IReadOnlyList<string>? PartyList(BindContext context, Fields fields, string key, IReadOnlyList<string> actorIds, ScenarioIndex index)
    {
        var node = fields.Optional(key);
        if (node is null || node is YamlScalar { Value: "all", IsQuoted: false })
        {
            return actorIds;
        }

        var path = fields.PathOf(key);
        if (node is YamlSequence { Items.Count: 0 })
        {
            context.Error(node, $"{path} names nobody; expected a list of actor ids or the word all");
            return null;
        }

        return ActorsBinder.References(context, node, path, index.ActorIds, "actor");
    }

    private static string? Reference(BindContext context, Fields fields, string key, IReadOnlyCollection<string> known, string kind)
    {
        if (fields.Optional(key) is not { } node || context.Text(node, fields.PathOf(key)) is not { } id)
        {
            return null;
        }

        return context.CheckReference(id, node, known, kind) ? id : null;
    }
}
