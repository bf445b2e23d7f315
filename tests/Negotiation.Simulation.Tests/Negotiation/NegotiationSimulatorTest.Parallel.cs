using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

public partial class NegotiationSimulatorTest
{
    [Fact]
    public void Run_OnParallelWorkersSharingTheModel_MatchesSequential()
    {
        var scenario = RandomScenarios.Create(21, 4, 5);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var p = table.Means();
        const int runs = 400;
        var sequential = new (NegotiationResult, double[])[runs];
        var ws = new NegotiationWorkspace(model);
        for (var run = 0; run < runs; run++)
        {
            sequential[run] = (NegotiationSimulator.Run(model, p, 9, run, ws), ws.Utilities.ToArray());
        }

        var parallel = new (NegotiationResult, double[])[runs];
        Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, () => new NegotiationWorkspace(model),
            (run, _, local) =>
            {
                parallel[run] = (NegotiationSimulator.Run(model, p, 9, run, local), local.Utilities.ToArray());
                return local;
            }, _ => { });

        for (var run = 0; run < runs; run++)
        {
            Assert.Equal(sequential[run].Item1, parallel[run].Item1);
            Assert.Equal(sequential[run].Item2, parallel[run].Item2);
        }
    }
}
