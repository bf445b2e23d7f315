namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// The aspiration (target utility) rules of the strategies; docs/model.md gives each equation and its source.
/// </summary>
public static class Aspiration
{
    /// <summary>
    /// Faratin, Sierra &amp; Jennings (1998) time-dependent tactic as GENIUS implements it:
    /// target(t) = Pmin + (Pmax − Pmin)(1 − F(t)), F(t) = k + (1 − k) t^(1/e) with k = 0.
    /// e &lt; 1 is Boulware (holds out), e = 1 linear, e &gt; 1 conceder. t is clamped to [0, 1]; e ≤ 0 means
    /// "never concede before the deadline" (the limit e → 0).
    /// </summary>
    public static double TimeDependent(double t, double e, double pMin, double pMax) =>
        TimeDependentFromShare(ConcededShare(t, e), pMin, pMax);

    /// <summary>F(t) of <see cref="TimeDependent"/>: the share of the way from Pmax to Pmin conceded at time t.</summary>
    public static double ConcededShare(double t, double e)
    {
        t = Math.Clamp(t, 0, 1);
        return e > 0 ? Math.Pow(t, 1 / e) : t >= 1 ? 1 : 0;
    }

    /// <summary><see cref="TimeDependent"/> given F(t) (<see cref="ConcededShare"/>), so that the types of one actor share one power.</summary>
    public static double TimeDependentFromShare(double f, double pMin, double pMax) => pMin + (pMax - pMin) * (1 - f);

    /// <summary>
    /// Reciprocity (Faratin et al. 1998, imitative tactics; Axelrod's tit-for-tat): lower the aspiration by
    /// <paramref name="reciprocity"/> times the others' concession in the previous round, measured in the actor's
    /// own utility (a negative concession, the others hardening, raises it); kept within [Pmin, Pmax].
    /// </summary>
    public static double TitForTat(double previous, double othersConcession, double reciprocity, double pMin, double pMax) =>
        Math.Clamp(previous - reciprocity * othersConcession, pMin, Math.Max(pMin, pMax));
}
