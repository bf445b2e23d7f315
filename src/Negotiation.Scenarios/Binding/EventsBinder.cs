using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds <c>events:</c> — pressure arriving at a round with a probability, shifting reservation values or valuations.</summary>
internal static class EventsBinder
{
    public static IReadOnlyList<ScenarioEvent> Bind(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var events = new List<ScenarioEvent>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "events"))
        {
            var path = $"events.{id}";
            if (context.Fields(value, path, "name", "description", "round", "probability", "effects") is not { } fields)
            {
                continue;
            }

            var round = fields.Required("round", "<round number, >= 1>") is { } roundNode ? BindRound(context, roundNode, fields.PathOf("round"), index) : null;
            var probability = fields.Uncertain("probability", Limits.Unit) ?? (fields.Optional("probability") is null ? 1.0 : null);
            var effects = fields.Required("effects", "[{actor: <id>, reservation: <shift>}, ...]") is { } effectsNode
                ? BindEffects(context, effectsNode, fields.PathOf("effects"), index)
                : null;
            if (round is not null && probability is not null && effects is not null)
            {
                events.Add(new ScenarioEvent(id, fields.Text("name") ?? id, round.Value, probability, effects, fields.Text("description")) { Position = key.Position });
            }
        }

        return events;
    }

    private static int? BindRound(BindContext context, YamlNode node, string path, ScenarioIndex index)
    {
        var round = context.Integer(node, path, 1);
        if (round > index.Deadline)
        {
            context.Error(node, $"{path} is {round}, after the deadline of {index.Deadline} rounds; expected a round between 1 and {index.Deadline}");
            return null;
        }

        return round;
    }

    private static IReadOnlyList<EventEffect>? BindEffects(BindContext context, YamlNode node, string path, ScenarioIndex index)
    {
        if (context.Sequence(node, path) is not { } sequence)
        {
            return null;
        }

        var effects = new List<EventEffect>();
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var effect = BindEffect(context, sequence.Items[i], $"{path}.{i}", index);
            ok &= effect is not null;
            if (effect is not null)
            {
                effects.Add(effect);
            }
        }

        return ok ? effects : null;
    }

    private static EventEffect? BindEffect(BindContext context, YamlNode node, string path, ScenarioIndex index)
    {
        if (context.Fields(node, path, "actor", "reservation", "issue", "option", "value") is not { } fields
            || fields.Required("actor", "<actor id>") is not { } actorNode
            || context.Text(actorNode, fields.PathOf("actor")) is not { } actor)
        {
            return null;
        }

        var actorKnown = context.CheckReference(actor, actorNode, index.ActorIds, "actor");
        var shiftsReservation = fields.Optional("reservation") is not null;
        var shiftsValue = fields.Optional("issue") is not null || fields.Optional("value") is not null;
        if (shiftsReservation == shiftsValue)
        {
            context.Error(node, $"{path} is {(shiftsReservation ? "both a reservation and a value shift" : "neither a reservation nor a value shift")}; expected {{actor, reservation: <shift>}} or {{actor, issue, option, value: <shift>}}");
            return null;
        }

        if (shiftsReservation)
        {
            var delta = fields.Uncertain("reservation", Limits.Any);
            return actorKnown && delta is not null ? new ReservationShift(actor, delta) : null;
        }

        var issueNode = fields.Required("issue", "<issue id>");
        var value = fields.Required("value", "<shift of the value>") is { } valueNode ? context.Uncertain(valueNode, fields.PathOf("value"), Limits.Any) : null;
        if (issueNode is null || context.Text(issueNode, fields.PathOf("issue")) is not { } issueId
            || !context.CheckReference(issueId, issueNode, index.IssueIds, "issue") || !index.Issues.TryGetValue(issueId, out var issue))
        {
            return null;
        }

        var option = BindOption(context, fields, issue);
        return actorKnown && value is not null && option is not (false, _) ? new ValueShift(actor, issueId, option.Id, value) : null;
    }

    private static (bool Ok, string? Id) BindOption(BindContext context, Fields fields, Issue issue)
    {
        var node = fields.Optional("option");
        if (issue.Kind == IssueKind.Continuous)
        {
            if (node is not null)
            {
                context.Error(node, $"{fields.PathOf("option")} is set for continuous issue '{issue.Id}'; expected no option (the shift applies to the whole issue)");
                return (false, null);
            }

            return (true, null);
        }

        if (fields.Required("option", "<option id>") is not { } optionNode || context.Text(optionNode, fields.PathOf("option")) is not { } option)
        {
            return (false, null);
        }

        return context.CheckReference(option, optionNode, issue.Options.Select(o => o.Id).ToArray(), $"option", $"of issue '{issue.Id}'")
            ? (true, option)
            : (false, null);
    }
}
