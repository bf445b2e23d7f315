namespace Negotiation.Scenarios;

/// <summary>
/// The JSON Schema (draft-07) of the scenario format, for editors: VS Code's YAML extension completes and
/// checks keys as users type when a file starts with <c># yaml-language-server: $schema=…</c>. The loader's
/// own checks are stricter (references, ranges, distributions); the schema only helps while typing.
/// </summary>
public static class ScenarioSchema
{
    private static readonly Lazy<string> Text = new(ReadResource);

    public static string Json => Text.Value;

    private static string ReadResource()
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream("Negotiation.Scenarios.scenario.schema.json")
            ?? throw new InvalidOperationException("the scenario schema resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
