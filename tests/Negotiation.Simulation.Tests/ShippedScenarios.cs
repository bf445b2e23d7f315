using Negotiation.Core.Model;
using Negotiation.Scenarios;

namespace Negotiation.Simulation.Tests;

/// <summary>The scenario files shipped in <c>scenarios/</c>, found above the test binaries.</summary>
internal static class ShippedScenarios
{
    public static ScenarioSet Load(string id) => ScenarioLoader.Load(RepositoryFiles.Scenario(id));
}
