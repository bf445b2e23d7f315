using System.Diagnostics.CodeAnalysis;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Reporting;

/// <summary>
/// A run stopped before its first result can leave a distribution without data (null at run time even where the
/// record says otherwise); the writers show it as undefined rather than failing.
/// </summary>
internal static class Distributions
{
    public static DistributionSummary Undefined { get; } =
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public static DistributionSummary OrUndefined(this DistributionSummary? distribution) => distribution ?? Undefined;

    public static bool IsDefined([NotNullWhen(true)] this DistributionSummary? distribution) => distribution is not null && double.IsFinite(distribution.Median);
}
