using Negotiation.Core.Common;
using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Tests;

/// <summary>Fixture files and helpers to load text and capture the diagnostics it produces.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static ScenarioSet Load(string yaml, params ParameterOverride[] overrides) =>
        ScenarioLoader.LoadText(yaml, "s.yaml", overrides);

    /// <summary>The diagnostics of a text that must not load, each as "line:column: message".</summary>
    public static IReadOnlyList<string> Errors(string yaml, params ParameterOverride[] overrides)
    {
        var e = Assert.Throws<InputException>(() => ScenarioLoader.LoadText(yaml, "s.yaml", overrides));
        Assert.All(e.Diagnostics, d => Assert.Equal("s.yaml", d.Position.File));
        return e.Diagnostics.Select(d => $"{d.Position.Line}:{d.Position.Column}: {d.Message}").ToList();
    }

    /// <summary>The one diagnostic of a text that has exactly one problem.</summary>
    public static string Error(string yaml, params ParameterOverride[] overrides) => Assert.Single(Errors(yaml, overrides));

    /// <summary>A small valid scenario the error tests change one thing in.</summary>
    public const string Minimal = """
        schemaVersion: 1
        title: Minimal
        issues:
          accession:
            options: [open-door, moratorium, ban]
          troops:
            range: [0, 100]
        actors:
          russia:
            interests:
              accession: {weight: 0.6, values: {ban: 1, moratorium: 0.7}}
              troops: {weight: 0.4, ideal: 0}
          usa:
            interests:
              accession: {weight: 1, values: {open-door: 1}}
        protocol:
          deadline: 10
        """;
}
