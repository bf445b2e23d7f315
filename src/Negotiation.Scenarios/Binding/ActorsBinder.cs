using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds <c>actors:</c> — each party's power, interests, red lines, reservation value, strategy, compliance and bloc.</summary>
internal static class ActorsBinder
{
    internal static readonly string[] Keys =
    [
        "name", "short", "description", "power", "reservation", "interests", "redLines", "strategy", "compliance", "members", "consent",
        "answersFor", "delayCost", "audienceCost", "beliefs",
    ];

    public static IReadOnlyList<Actor> Bind(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var actors = new List<Actor>();
        var membersNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (id, key, value) in IdMap.Entries(context, section, "actors"))
        {
            if (Bind(context, id, key, value, index) is { } actor)
            {
                actors.Add(actor);
                if (actor.Bloc is not null && value is YamlMapping map && map["members"] is { } members)
                {
                    membersNodes[id] = members;
                }
            }
        }

        CheckNoNestedBlocs(context, actors, membersNodes);
        return actors;
    }

    /// <summary>
    /// A bloc's members must be ordinary actors. The engine asks a bloc's direct members for consent and nobody below
    /// them, so a bloc inside a bloc would have its own members silently skipped (a term one of them red-lines could be
    /// agreed). Until the bargaining engine consults members recursively, a nested bloc is an error at the outer bloc's
    /// members list; a cycle of blocs (each naming the other) is one too, and is said to be one.
    /// </summary>
    private static void CheckNoNestedBlocs(BindContext context, List<Actor> actors, Dictionary<string, YamlNode> membersNodes)
    {
        var blocs = actors.Where(a => a.Bloc is not null).ToDictionary(a => a.Id, a => a.Bloc!, StringComparer.Ordinal);
        foreach (var (id, bloc) in blocs)
        {
            foreach (var member in bloc.Members.Where(blocs.ContainsKey))
            {
                var inner = blocs[member];
                var cycle = inner.Members.Contains(id) ? $"; '{member}' lists '{id}' among its own members in turn, a cycle of blocs" : "";
                context.Error(
                    membersNodes[id],
                    $"actors.{id}.members names '{member}', which is itself a bloc (members: {string.Join(", ", inner.Members)}){cycle}; "
                    + $"nested blocs are not supported: the engine asks only a bloc's direct members for consent. List the members "
                    + $"of '{member}' in actors.{id}.members instead, or drop members: from '{member}'");
            }
        }
    }

    private static Actor? Bind(BindContext context, string id, YamlScalar key, YamlNode node, ScenarioIndex index)
    {
        var path = $"actors.{id}";
        if (context.Fields(node, path, Keys) is not { } fields)
        {
            return null;
        }

        var power = fields.Uncertain("power", Limits.NonNegative);
        var reservation = BindReservation(context, fields.Optional("reservation"), fields.PathOf("reservation"));
        var interests = InterestsBinder.Bind(context, fields.Optional("interests"), fields.PathOf("interests"), index);
        var redLines = RedLinesBinder.Bind(context, fields.Optional("redLines"), fields.PathOf("redLines"), index);
        var strategy = StrategyBinder.Bind(context, fields.Optional("strategy"), fields.PathOf("strategy"));
        var compliance = ComplianceTraitsBinder.Bind(context, fields.Optional("compliance"), fields.PathOf("compliance"));
        var bloc = BindBloc(context, id, fields, index);
        var answersFor = fields.Optional("answersFor") is { } answersNode
            ? References(context, answersNode, fields.PathOf("answersFor"), index.ActorIds, "actor")
            : null;
        var delayCost = fields.Uncertain("delayCost", Limits.Unit);
        var audienceCost = fields.Uncertain("audienceCost", Limits.NonNegative);
        var beliefs = BindBeliefs(context, id, fields, index);
        if (reservation is null || strategy is null)
        {
            return null;
        }

        return new Actor(id, fields.Text("name") ?? id, power ?? 1.0, interests, redLines, reservation, strategy, compliance,
            bloc, answersFor, fields.Text("description"))
        {
            Position = key.Position,
            Short = fields.Short(),
            DelayCost = delayCost,
            AudienceCost = audienceCost,
            Beliefs = beliefs,
        };
    }

    /// <summary>
    /// <c>beliefs: {other: {reservation: distribution}}</c> — this actor's own prior about other actors' reservation
    /// values (misperception; docs/model.md §3.3).
    /// </summary>
    private static IReadOnlyDictionary<string, Uncertain>? BindBeliefs(BindContext context, string self, Fields fields, ScenarioIndex index)
    {
        if (fields.Optional("beliefs") is not { } node)
        {
            return null;
        }

        var path = fields.PathOf("beliefs");
        if (node is not YamlMapping mapping)
        {
            context.Error(node, $"{path} must be a mapping; expected {{<actor id>: {{reservation: <number or distribution>}}}}");
            return null;
        }

        var priors = new Dictionary<string, Uncertain>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var other = entry.Key.Value;
            if (!context.CheckReference(other, entry.Key, index.ActorIds, "actor"))
            {
                continue;
            }

            if (other == self)
            {
                context.Error(entry.Key, $"{path}.{other}: an actor knows its own reservation value; expected beliefs about other actors only");
                continue;
            }

            if (context.Fields(entry.Value, $"{path}.{other}", "reservation") is not { } about)
            {
                continue;
            }

            if (about.Required("reservation", "<number or distribution between 0 and 1>") is { } priorNode
                && context.Uncertain(priorNode, about.PathOf("reservation"), Limits.Unit) is { } prior)
            {
                priors[other] = prior;
            }
        }

        return priors;
    }

    /// <summary>A number/distribution (constant), or <c>{value, trend}</c>; absent means 0: no deal is worth nothing.</summary>
    private static Reservation? BindReservation(BindContext context, YamlNode? node, string path)
    {
        if (node is null)
        {
            return Reservation.Constant(0.0);
        }

        if (node is YamlMapping mapping && mapping["dist"] is null)
        {
            if (context.Fields(node, path, "value", "trend") is not { } fields)
            {
                return null;
            }

            var value = fields.Required("value", "<number between 0 and 1>") is { } valueNode
                ? context.Uncertain(valueNode, fields.PathOf("value"), Limits.Unit)
                : null;
            var trend = fields.Uncertain("trend", Limits.Trend);
            return value is null || (trend is null && fields.Optional("trend") is not null) ? null : new Reservation(value, trend ?? 0.0);
        }

        return context.Uncertain(node, path, Limits.Unit) is { } constant ? Reservation.Constant(constant) : null;
    }

    private static BlocSpec? BindBloc(BindContext context, string id, Fields fields, ScenarioIndex index)
    {
        var membersNode = fields.Optional("members");
        var consentNode = fields.Optional("consent");
        if (membersNode is null)
        {
            if (consentNode is not null)
            {
                context.Error(consentNode, $"{fields.PathOf("consent")} is set but the actor has no members; expected consent only for a bloc with members: [a, b]");
            }

            return null;
        }

        var path = fields.PathOf("members");
        var members = References(context, membersNode, path, index.ActorIds, "actor");
        if (members is null)
        {
            return null;
        }

        if (members.Contains(id))
        {
            context.Error(membersNode, $"{path} names the bloc '{id}' itself; expected other actors as members");
            return null;
        }

        if (members.Count == 0)
        {
            context.Error(membersNode, $"{path} is empty; expected at least one member");
            return null;
        }

        var consent = consentNode is null
            ? SigningRule.Unanimity
            : SigningRuleBinder.Bind(context, consentNode, fields.PathOf("consent"), members.Count);
        return consent is null ? null : new BlocSpec(members, consent);
    }

    /// <summary>A list of ids that must all be among <paramref name="known"/>; null when any is not.</summary>
    public static IReadOnlyList<string>? References(BindContext context, YamlNode node, string path, IReadOnlyCollection<string> known, string kind, string? owner = null)
    {
        if (context.IdList(node, path) is not { } ids)
        {
            return null;
        }

        var ok = true;
        var seen = new HashSet<string>();
        foreach (var (id, item) in ids)
        {
            ok &= context.CheckReference(id, item, known, kind, owner);
            if (!seen.Add(id))
            {
                context.Error(item, $"{kind} '{id}' appears twice in {path}; expected each {kind} once");
                ok = false;
            }
        }

        return ok ? ids.Select(i => i.Id).ToList() : null;
    }
}
