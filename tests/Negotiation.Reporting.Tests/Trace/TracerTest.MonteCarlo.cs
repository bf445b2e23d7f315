using System.Globalization;
using Negotiation.Reporting.Trace;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Tests.Trace;

/// <summary>The traced run is the run of the Monte Carlo: same outcome, round, package, utilities and compliance end.</summary>
public sealed partial class TracerTest
{
    private const int Runs = 50;

    [Fact]
    public void Replay_OfEveryRun_EqualsThatRunsRowInTheMonteCarlo_ForEveryShippedScenarioAndVariant()
    {
        var outcomes = new HashSet<TraceOutcome>();
        var complianceCompared = 0;
        foreach (var (scenario, seed) in new[] { ("syria-coh-2016", 1UL), ("nato-russia-2022", 11UL), ("syria-transition-2015", 3UL), ("syria-pressure-2016", 5UL) })
        {
            complianceCompared += CompareWithMonteCarlo(scenario, seed, outcomes);
        }

        // The comparison means something only if runs end in different ways and compliance ends are compared.
        Assert.True(outcomes.Count >= 2, "all runs ended " + string.Join(", ", outcomes));
        Assert.True(complianceCompared > 0, "no run reached the compliance phase");
    }

    /// <summary>Compares every run's trace with its per-run row; returns how many compliance ends were compared.</summary>
    private static int CompareWithMonteCarlo(string scenario, ulong seed, HashSet<TraceOutcome> outcomes)
    {
        var compared = 0;
        var plan = SimulationPlan.Compile(TraceFixture.Shipped(scenario));
        var sink = new MemorySink();
        MonteCarloRunner.Run(plan, new RunRequest(seed, Runs, Threads: 2), "test", perRun: sink);
        var header = sink.Header.Split(',');
        var rows = sink.Rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToArray();
        Assert.Equal(Runs * plan.Variants.Count, rows.Length);

        foreach (var row in rows)
        {
            string Cell(string column) => row[Array.IndexOf(header, column)];
            var variant = plan.Variants.Single(v => v.Variant.Id == Cell("variant"));
            var run = long.Parse(Cell("run"), CultureInfo.InvariantCulture);
            var trace = Tracer.Replay(variant, seed, run);
            outcomes.Add(trace.Outcome);
            var where = $"{scenario} {variant.Variant.Id} run {run}";

            Assert.True(Cell("agreed") == (trace.Negotiation.Agreed ? "true" : "false"), where);
            Assert.True(Cell("round") == trace.Negotiation.Round.ToString(CultureInfo.InvariantCulture), where);
            // The trace's own record of the last round agrees with the result it reports.
            Assert.Equal(trace.Negotiation.Round, trace.Rounds[^1].Round);
            var s = trace.Scenario;
            for (var j = 0; j < s.Issues.Count; j++)
            {
                var expected = Cell("term_" + s.Issues[j].Id);
                Assert.True(expected == (trace.Negotiation.Agreed ? Term(trace, j) : ""), $"{where}: term {s.Issues[j].Id}");
            }

            if (trace.Negotiation.Agreed)
            {
                // The agreed package is the offer on the table in the agreed round.
                Assert.Equal(trace.Package, trace.AgreedRound!.Offer!.Package);
            }

            for (var a = 0; a < s.Actors.Count; a++)
            {
                Assert.True(Cell("utility_" + s.Actors[a].Id) == trace.Utilities[a].ToString("R", CultureInfo.InvariantCulture), $"{where}: utility of {s.Actors[a].Id}");
            }

            if (trace.Compliance is { } c)
            {
                Assert.True(Cell("periods_held") == c.Result.PeriodsHeld.ToString(CultureInfo.InvariantCulture), where);
                Assert.True(Cell("collapse_cause") == c.Result.Cause.ToString().ToLowerInvariant(), where);
                Assert.True(Cell("first_violator") == (c.Result.FirstViolator >= 0 ? trace.Parties[c.Result.FirstViolator].Id : ""), where);
                compared++;
            }
            else
            {
                Assert.True(Cell("periods_held") == "", where);
            }
        }

        return compared;
    }

    private static string Term(RunTrace trace, int issue)
    {
        var i = trace.Scenario.Issues[issue];
        var x = trace.Package[issue];
        return i.Kind == Core.Model.IssueKind.Discrete ? i.Options[(int)x].Id : x.ToString("R", CultureInfo.InvariantCulture);
    }

    private sealed class MemorySink : IPerRunSink
    {
        private readonly SortedDictionary<long, string> _chunks = [];

        public string Header { get; private set; } = "";

        public string Rows
        {
            get
            {
                lock (_chunks)
                {
                    return string.Concat(_chunks.Values);
                }
            }
        }

        public void Begin(string header) => Header = header;

        public void Write(long chunk, string rows)
        {
            lock (_chunks)
            {
                _chunks[chunk] = rows;
            }
        }
    }
}
