using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios.Binding;

/// <summary>Walks a "mapping id -> entry" section (issues, actors, ...), checking each id is usable.</summary>
internal static class IdMap
{
    /// <summary>Ids appear in every message and path about their entry; real ones are a few words long.</summary>
    public const int MaxIdLength = ScenarioBounds.MaxIdLength;

    public static IReadOnlyList<(string Id, YamlScalar Key, YamlNode Value)> Entries(BindContext context, YamlNode? section, string path)
    {
        if (section is null or YamlScalar { IsNull: true })
        {
            return [];
        }

        if (section is not YamlMapping mapping)
        {
            context.Error(section, $"{path} is {section.Describe()}; expected a mapping of id -> entry");
            return [];
        }

        var entries = new List<(string, YamlScalar, YamlNode)>();
        foreach (var entry in mapping.Entries)
        {
            var id = entry.Key.Value;
            if (id.Length > MaxIdLength)
            {
                context.Error(entry.Key, $"id '{Format.Clip(id)}' in {path} is {id.Length} characters long; expected an id of at most {MaxIdLength} characters");
                continue;
            }

            if (id.Length == 0 || id.Contains('.') || id.Any(char.IsWhiteSpace) || id.Contains('/') || id.Contains('\\') || ScenarioBounds.FirstUnprintable(id) is not null)
            {
                context.Error(entry.Key, $"id '{id}' in {path} is not usable; expected an id without dots, spaces, slashes or control characters, such as 'ground-flights'");
                continue;
            }

            entries.Add((id, entry.Key, entry.Value));
        }

        return entries;
    }

    public static IEnumerable<string> Keys(YamlNode? section) =>
        section is YamlMapping mapping ? mapping.Entries.Select(e => e.Key.Value) : [];
}
