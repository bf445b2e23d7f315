using Negotiation.Core.Model;
using Negotiation.Scenarios;

namespace Negotiation.Simulation.Tests;

/// <summary>The scenario files shipped in <c>scenarios/</c>, found above the test binaries.</summary>
internal static class ShippedScenarios
{
    public static ScenarioSet Load(string id)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Negotiation.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Negotiation.sln not found above " + AppContext.BaseDirectory);
        }

        return ScenarioLoader.Load(Path.Combine(dir, "scenarios", id + ".yaml"));
    }
}
