using Negotiation.Core.Model;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// The decision rules of the compliance phase as pure functions (docs/model-compliance.md gives each equation
/// and its source). The simulator calls these; tests check them against hand-computed values.
/// </summary>
public static class ComplianceRules
{
    /// <summary>
    /// Inspection game (Avenhaus, von Stengel &amp; Zamir 2002): a violator who gains <paramref name="gain"/> when
    /// undetected and loses <paramref name="loss"/> when caught is deterred iff the detection probability is at
    /// least d / (d + b). Zero when there is nothing to gain.
    /// </summary>
    public static double DeterrentDetection(double gain, double loss) =>
        gain <= 0 ? 0 : gain / (gain + Math.Max(0, loss));

    /// <summary>
    /// Present value of the agreement's surplus flow: surplus / ρ with ρ = −ln δ, the continuous perpetuity of a
    /// flow of <paramref name="surplus"/> per rate unit discounted by δ per rate unit. The same number whatever the
    /// period; surplus below zero counts as zero (nothing to lose).
    /// </summary>
    public static double FutureValue(double surplus, double discount) =>
        surplus <= 0 ? 0 : surplus / -Math.Log(Math.Clamp(discount, double.Epsilon, 0.999999));

    /// <summary>
    /// Expected cost of violating once: D · (penalty + P(collapse | detected) · δ/(1 − δ) · surplus).
    /// The violator keeps its gain either way; detection costs it the penalty and risks the agreement's future.
    /// </summary>
    public static double ExpectedViolationCost(double detection, double penalty, double collapseIfDetected, double discount, double surplus) =>
        detection * (penalty + collapseIfDetected * FutureValue(surplus, discount));

    /// <summary>The per-period decision: violate iff the (noisy) gain exceeds the expected cost.</summary>
    public static bool Violates(double gain, double expectedCost) => gain > expectedCost;

    /// <summary>
    /// The noisy gain of one period: the mean temptation times a mean-one log-normal shock,
    /// T · exp(σ·z − σ²/2) with z standard normal, so E[gain] = T whatever σ.
    /// </summary>
    public static double NoisyTemptation(double temptation, double sigma, double z) =>
        temptation * Math.Exp(sigma * z - sigma * sigma / 2);

    /// <summary>
    /// P(violate) under the log-normal shock: P(T·exp(σz − σ²/2) &gt; c) = 1 − Φ((ln(c/T) + σ²/2)/σ).
    /// With σ = 0 it is the deterministic rule (1 when T &gt; c, else 0).
    /// </summary>
    public static double ViolationProbability(double temptation, double expectedCost, double sigma)
    {
        if (temptation <= 0)
        {
            return 0;
        }

        if (expectedCost <= 0)
        {
            return 1;
        }

        if (sigma <= 0)
        {
            return temptation > expectedCost ? 1 : 0;
        }

        var z = (Math.Log(expectedCost / temptation) + sigma * sigma / 2) / sigma;
        return 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);
    }

    /// <summary>
    /// The early excess of temptation on day <paramref name="day"/> after signature: 1 + K · e^(−day/τ). The gain of
    /// violating is highest before the lines freeze and falls as the agreement holds (docs/model-compliance.md, section 3).
    /// </summary>
    public static double EarlyTemptationFactor(double day, double excess, double days) =>
        excess <= 0 ? 1 : 1 + excess * Math.Exp(-day / days);

    /// <summary>
    /// The probability of taking an opportunity, averaged over the days of a period that starts on day
    /// <paramref name="startDay"/> and lasts <paramref name="periodDays"/>, while the temptation carries its early
    /// excess: (1/n) Σ_q P(T · (1 + K e^(−s_q/τ)) · shock &gt; c) at the midpoints s_q of n = min(8, ⌈2Δ/τ⌉) equal parts
    /// (one part for a day). Averaging the probability, not the temptation, keeps the expected number of violations
    /// in a year the same whatever the period.
    /// </summary>
    public static double PeriodViolationProbability(
        double temptation, double expectedCost, double sigma, double startDay, double periodDays, double excess, double days)
    {
        if (excess <= 0)
        {
            return ViolationProbability(temptation, expectedCost, sigma);
        }

        var parts = Math.Clamp((int)Math.Ceiling(2 * periodDays / days), 1, 8);
        var sum = 0.0;
        for (var q = 0; q < parts; q++)
        {
            var day = startDay + (q + 0.5) * periodDays / parts;
            sum += ViolationProbability(temptation * EarlyTemptationFactor(day, excess, days), expectedCost, sigma);
        }

        return sum / parts;
    }

    /// <summary>
    /// The gain above which a party chooses the full violation over the partial one, and the gain above which it
    /// chooses the partial one over compliance, when a partial violation yields a share γ of the gain at a share η of
    /// the detection (so a share η of the expected cost c). With g the gain: full iff g − c ≥ γg − ηc and g − c &gt; 0,
    /// partial iff γg − ηc &gt; 0 and γg − ηc &gt; g − c. For γ &gt; η: partial when (η/γ)·c &lt; g &lt; c·(1 − η)/(1 − γ),
    /// full above (never when γ ≥ 1). For γ ≤ η the partial violation never pays more than both others: full iff g &gt; c.
    /// Infinity stands for "never".
    /// </summary>
    public static (double Full, double Partial) ViolationThresholds(double expectedCost, double gainShare, double detectionShare)
    {
        if (gainShare <= detectionShare || gainShare <= 0)
        {
            return (expectedCost, double.PositiveInfinity);
        }

        var full = gainShare >= 1 ? double.PositiveInfinity : expectedCost * (1 - detectionShare) / (1 - gainShare);
        return (full, expectedCost * detectionShare / gainShare);
    }

    /// <summary>
    /// The mean gain of a violation taken with a gain between <paramref name="low"/> and <paramref name="high"/>,
    /// E[g | low &lt; g ≤ high] for g = T·exp(σz − σ²/2), from the log-normal partial expectations
    /// E[g · 1{g &gt; x}] = T · (1 − Φ(z_x − σ)), z_x = (ln(x/T) + σ²/2)/σ. Zero when the band has no chance.
    /// </summary>
    public static double GainBetween(double temptation, double low, double high, double sigma)
    {
        if (temptation <= 0 || sigma <= 0)
        {
            return Math.Max(0, temptation);
        }

        double Above(double x) => x <= 0 ? 1 : double.IsPositiveInfinity(x) ? 0 : 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, (Math.Log(x / temptation) + sigma * sigma / 2) / sigma);
        double Partial(double x) => x <= 0 ? temptation : double.IsPositiveInfinity(x) ? 0 : temptation * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, (Math.Log(x / temptation) + sigma * sigma / 2) / sigma - sigma));
        var chance = Above(low) - Above(high);
        return chance <= 0 ? 0 : (Partial(low) - Partial(high)) / chance;
    }

    /// <summary>
    /// The mean gain of a violation actually taken, E[g | g &gt; c] for g = T·exp(σz − σ²/2):
    /// T · (1 − Φ(z* − σ)) / (1 − Φ(z*)) with z* = (ln(c/T) + σ²/2)/σ (the log-normal partial expectation); always
    /// above c. T when nothing deters (c ≤ 0) or there is no noise.
    /// </summary>
    public static double GainWhenViolating(double temptation, double expectedCost, double sigma)
    {
        if (temptation <= 0 || expectedCost <= 0 || sigma <= 0)
        {
            return Math.Max(0, temptation);
        }

        var z = (Math.Log(expectedCost / temptation) + sigma * sigma / 2) / sigma;
        var above = 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z);
        return above <= 0 ? expectedCost : temptation * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, z - sigma)) / above;
    }

    /// <summary>
    /// How likely one responder is to abandon the agreement when it sees a violation: grim trigger 1; forgiving
    /// tit-for-tat 1 − forgiveness (it retaliates, then forgives or quits); proportional 1 when the count of
    /// violations held against the offender after this one exceeds the tolerance, else 0.
    /// </summary>
    public static double CollapseIfDetected(ResponseKind response, double forgiveness, double tolerance, double countAfter) =>
        response switch
        {
            ResponseKind.GrimTrigger => 1,
            ResponseKind.ForgivingTitForTat => 1 - Math.Clamp(forgiveness, 0, 1),
            _ => countAfter > tolerance ? 1 : 0,
        };

    /// <summary>
    /// False alarms per obligation, as a hazard per day. Without a monitoring mechanism the parties act on rumour
    /// and their own reading of incidents: the baseline. With monitors they act on corroborated reports: a report is
    /// checked against the most reliable monitor in force, so the hazard is the lowest of the monitors' and of the
    /// baseline (<paramref name="bestMonitor"/>), and adding a monitor never adds false alarms (Fortna 2003:
    /// mechanisms reduce uncertainty and manage accidents). Mechanisms that do not monitor add their own hazard.
    /// </summary>
    public static double FalseAlarmHazard(bool monitored, double bestMonitor, double others, double baseline) =>
        (monitored ? Math.Min(bestMonitor, baseline) : baseline) + others;

    /// <summary>1 − (1 − a)(1 − b): at least one of two independent events (detection by either of two monitors).</summary>
    public static double EitherOf(double a, double b) => 1 - (1 - a) * (1 - b);
}
