namespace Negotiation.Simulation.Tests;

/// <summary>Measures what a batch of work allocates on the current thread once the runtime has settled.</summary>
public static class Allocations
{
    /// <summary>
    /// Runs <paramref name="batch"/> in several measured windows and returns the smallest allocation of a window.
    /// Tiered compilation can allocate once on the calling thread while a method is promoted, in whichever window
    /// that happens; an allocation made by every run shows up in every window, so a minimum of 0 means the work
    /// itself allocates nothing.
    /// </summary>
    public static long InSteadyState(Action batch, int windows = 4)
    {
        var smallest = long.MaxValue;
        for (var w = 0; w < windows; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            batch();
            smallest = Math.Min(smallest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return smallest;
    }
}
