using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds <c>proposals:</c> — named packages whose terms settle every issue.</summary>
internal static class ProposalsBinder
{
    public static IReadOnlyList<Proposal> Bind(BindContext context, YamlNode? section, ScenarioIndex index)
    {
        var proposals = new List<Proposal>();
        foreach (var (id, key, value) in IdMap.Entries(context, section, "proposals"))
        {
            var path = $"proposals.{id}";
            if (context.Fields(value, path, "name", "description", "terms", "author") is not { } fields
                || fields.Required("terms", "{<issue>: <option or number>, ...}") is not { } termsNode)
            {
                continue;
            }

            string? author = null;
            if (fields.Optional("author") is { } authorNode && context.Text(authorNode, fields.PathOf("author")) is { } authorId
                && context.CheckReference(authorId, authorNode, index.ActorIds, "actor"))
            {
                author = authorId;
            }

            if (BindTerms(context, termsNode, fields.PathOf("terms"), id, index) is { } terms)
            {
                proposals.Add(new Proposal(id, fields.Text("name") ?? id, terms, fields.Text("description")) { Position = key.Position, Author = author });
            }
        }

        return proposals;
    }

    private static IReadOnlyList<Term>? BindTerms(BindContext context, YamlNode node, string path, string proposalId, ScenarioIndex index)
    {
        if (context.Fields(node, path, index.IssueIds) is not { } fields)
        {
            return null;
        }

        var terms = new List<Term>();
        var ok = true;
        foreach (var entry in fields.Mapping.Entries)
        {
            if (!index.Issues.TryGetValue(entry.Key.Value, out var issue))
            {
                ok = false;
                continue;
            }

            var term = TermBinder.Bind(context, entry.Value, fields.PathOf(issue.Id), issue);
            ok &= term is not null;
            if (term is not null)
            {
                terms.Add(term);
            }
        }

        var missing = index.IssueIds.Where(i => fields.Mapping.Find(i) is null).OrderBy(index.IssueOrder).ToList();
        if (missing.Count > 0)
        {
            context.Error(node, $"proposal '{proposalId}' does not settle {(missing.Count == 1 ? "issue" : "issues")} {Format.Quoted(missing)}; expected a term for every issue");
            ok = false;
        }

        // Terms in the order the issues are declared, which the engine uses to index packages.
        return ok ? terms.OrderBy(t => index.IssueOrder(t.IssueId)).ToList() : null;
    }
}

/// <summary>Binds one term of a package: an option id of a discrete issue or a number in a continuous issue's range.</summary>
internal static class TermBinder
{
    public static Term? Bind(BindContext context, YamlNode node, string path, Issue issue)
    {
        if (issue.Kind == IssueKind.Continuous)
        {
            return context.Number(node, path, Limits.Within(issue.Min, issue.Max)) is { } value ? Term.Number(issue.Id, value) : null;
        }

        if (context.Text(node, path) is not { } option)
        {
            return null;
        }

        return context.CheckReference(option, node, issue.Options.Select(o => o.Id).ToArray(), $"option", $"of issue '{issue.Id}'")
            ? Term.Option(issue.Id, option)
            : null;
    }
}
