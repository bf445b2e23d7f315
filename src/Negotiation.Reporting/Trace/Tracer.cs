using Negotiation.Core.Common;
using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.Bargaining;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting.Trace;

/// <summary>
/// Replays single runs of a compiled variant through the model seam — the bargaining family's own workspace, which the
/// Monte Carlo workers run, fed the same parameter draws (<see cref="ModelReplay"/>) — with a <see cref="TraceRecorder"/>
/// attached as its observer, so a trace is the run that contributed to the distributions, not a re-implementation of it.
/// </summary>
public static class Tracer
{
    /// <summary>How many runs <see cref="Find"/> examines at most by default.</summary>
    public const long DefaultFindLimit = 100_000;

    /// <summary>Replays run <paramref name="run"/> of <paramref name="seed"/> and returns what happened in it.</summary>
    public static RunTrace Replay(CompiledVariant variant, ulong seed, long run)
    {
        Guard.NotNull(variant);
        var replay = new ModelReplay(new BargainingModel(variant));
        var recorder = new TraceRecorder();
        replay.Run(seed, run, new BargainingObserver(recorder, recorder));
        var runner = ((BargainingWorkspace)replay.Workspace).Runner;
        TraceCompliance? compliance = null;
        if (runner.Negotiation.Agreed && runner.HasCompliance)
        {
            compliance = new TraceCompliance(variant.Compliance.Horizon, variant.Compliance.PeriodDays, recorder.Entries.ToArray(), runner.Compliance);
        }

        return new RunTrace(
            variant.Variant,
            seed,
            run,
            recorder.Rounds.ToArray(),
            runner.Negotiation,
            recorder.Package,
            recorder.Utilities,
            recorder.Reservations,
            compliance);
    }

    /// <summary>
    /// The first run at or after <paramref name="from"/> (at most <paramref name="limit"/> runs examined) whose
    /// outcome is <paramref name="outcome"/>; null when there is none in that range.
    /// </summary>
    public static long? Find(CompiledVariant variant, ulong seed, long from, TraceOutcome outcome, long limit = DefaultFindLimit, CancellationToken cancellation = default)
    {
        Guard.NotNull(variant);
        var replay = new ModelReplay(new BargainingModel(variant));
        var runner = ((BargainingWorkspace)replay.Workspace).Runner;
        for (long run = from; run - from < limit && run >= from; run++)
        {
            if ((run & 1023) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            replay.Run(seed, run);
            if (Matches(runner, outcome))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>Whether the runner's last run ended with <paramref name="outcome"/>.</summary>
    public static bool Matches(VariantRunner runner, TraceOutcome outcome)
    {
        Guard.NotNull(runner);
        return outcome switch
        {
            TraceOutcome.Agreement => runner.Negotiation.Agreed,
            TraceOutcome.Breakdown => !runner.Negotiation.Agreed,
            _ => runner.Negotiation.Agreed && runner.HasCompliance && runner.Compliance.Cause != CollapseCause.None,
        };
    }
}
