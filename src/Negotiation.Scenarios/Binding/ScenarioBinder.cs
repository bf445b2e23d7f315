using Negotiation.Core.Model;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Binds one scenario (the base, or a variant after its overrides) from the document root, section by section.</summary>
internal static class ScenarioBinder
{
    /// <summary>The keys allowed at the top level of a scenario file.</summary>
    public static readonly string[] TopLevelKeys =
    [
        "schemaVersion", "id", "title", "description", "sources", "baseline", "issues", "actors", "proposals", "protocol",
        "events", "compliance", "variants", "expectedUtility",
    ];

    public static Scenario? Bind(BindContext context, YamlMapping root, string defaultId)
    {
        var fields = new Fields(context, root, "", TopLevelKeys);
        var metadata = BindMetadata(context, fields, defaultId);
        var index = new ScenarioIndex();
        index.AddIssueIds(IdMap.Keys(fields.Optional("issues")));
        index.ActorIds.UnionWith(IdMap.Keys(fields.Optional("actors")));
        index.ProposalIds.UnionWith(IdMap.Keys(fields.Optional("proposals")));

        var issuesNode = fields.Required("issues", "{<issue id>: {name, options: [a, b]} or {name, range: [min, max]}}");
        var actorsNode = fields.Required("actors", "{<actor id>: {name, interests, ...}}");
        RequireEntries(context, issuesNode, "issues", "issue");
        RequireEntries(context, actorsNode, "actors", "actor");
        var issues = IssuesBinder.Bind(context, issuesNode, index);
        var actors = ActorsBinder.Bind(context, actorsNode, index);
        var proposals = ProposalsBinder.Bind(context, fields.Optional("proposals"), index);
        var protocolNode = fields.Required("protocol", "{deadline: <rounds>, ...}");
        var protocol = protocolNode is null ? null : ProtocolBinder.Bind(context, protocolNode, IdMap.Keys(actorsNode).ToList(), index);
        var events = EventsBinder.Bind(context, fields.Optional("events"), index);
        var compliance = fields.Optional("compliance") is { } complianceNode ? ComplianceBinder.Bind(context, complianceNode, index) : null;
        var expectedUtility = fields.Optional("expectedUtility") is { } euNode ? ExpectedUtilityBinder.Bind(context, euNode, index) : null;
        if (metadata is null || protocol is null)
        {
            return null;
        }

        return new Scenario(metadata, issues, actors, proposals, protocol, events, compliance) { ExpectedUtility = expectedUtility };
    }

    private static ScenarioMetadata? BindMetadata(BindContext context, Fields fields, string defaultId)
    {
        var version = fields.Required("schemaVersion", "1") is { } versionNode ? context.Integer(versionNode, "schemaVersion", int.MinValue) : null;
        if (version is not null and not 1)
        {
            context.Error(fields.Optional("schemaVersion")!, $"schemaVersion is {version}; expected 1, the only version this program reads");
            version = null;
        }

        var title = fields.Required("title", "<a title>") is { } titleNode ? context.Text(titleNode, "title") : null;
        var id = fields.Text("id") ?? ScenarioBounds.FileNameId(defaultId);
        if (!ScenarioBounds.IsFileName(id))
        {
            // The id names the report folder out/<id>: it is a name, never a path.
            context.Error(fields.Optional("id")!, $"id '{Format.Clip(id)}' cannot name a report folder; expected 1 to {ScenarioBounds.MaxIdLength} letters, digits, '-', '_' or '.', starting with a letter or digit, such as 'nato-russia-2022'");
        }

        var sources = new List<string>();
        if (fields.Optional("sources") is { } sourcesNode && context.Sequence(sourcesNode, "sources") is { } list)
        {
            sources.AddRange(list.Items.Select(item => context.Text(item, "an entry of sources")).OfType<string>());
        }

        return version is null || title is null ? null : new ScenarioMetadata(id, title, fields.Text("description"), sources, version.Value);
    }

    private static void RequireEntries(BindContext context, YamlNode? node, string path, string kind)
    {
        if (node is YamlMapping { Entries.Count: 0 })
        {
            context.Error(node, $"{path} is empty; expected at least one {kind}");
        }
    }
}
