namespace Negotiation.Simulation.Compliance;

/// <summary>
/// The closed form behind <see cref="MechanismDefaults"/> (docs/model-compliance.md, "Calibration"): the
/// per-period collapse hazard of the generic two-party weekly ceasefire, and solvers that find the temptation and
/// the mechanism penalties hitting the empirical one-year survival figures. Used to derive the constants and by
/// tests to check that the constants still match their derivation; the simulator does not call it.
/// </summary>
public static class ComplianceCalibration
{
    /// <summary>Periods in the calibration year (weekly periods).</summary>
    public const int Weeks = 52;

    /// <summary>ETH/PRIO CF data: share of ceasefires without an agreed compliance mechanism holding one year.</summary>
    public const double SurvivalWithoutMechanism = 0.66;

    /// <summary>ETH/PRIO CF data: share of ceasefires with an agreed compliance mechanism holding one year.</summary>
    public const double SurvivalWithMechanism = 0.81;

    /// <summary>Fortna (2004): hazard ratio of ceasefires with peacekeepers against those without.</summary>
    public const double PeacekeepingHazardRatio = 0.47;

    /// <summary>One-year survival with peacekeepers under proportional hazards: S₀^HR = 0.66^0.47 ≈ 0.823.</summary>
    public static double SurvivalWithPeacekeepers => Math.Pow(SurvivalWithoutMechanism, PeacekeepingHazardRatio);

    // The generic ceasefire: two parties, each bound, each answering the other by forgiving tit-for-tat with
    // forgiveness 0.5 (so P(collapse | detected) = 0.5), δ = 0.95, surplus 0.1, no penalty of its own.
    private const int Parties = 2;
    private const double CollapseIfDetected = 0.5;
    private const double Discount = 0.95;

    /// <summary>
    /// Approximate per-period hazard of collapse: each party is seen to violate with probability
    /// D·v + (1 − v)·F (a detected violation or a false alarm) and each sighting ends the agreement with
    /// probability P(collapse | detected); h = n · P(collapse | detected) · (D·v + (1 − v)·F), where
    /// v = P(violate) at cost c = D·(M + P(collapse | detected)·δ/(1−δ)·surplus). Ignores the one-period lag of
    /// tit-for-tat and sightings during a retaliation (second order at hazards near 1%).
    /// </summary>
    public static double GenericHazard(double temptation, MechanismStrength? mechanism)
    {
        var m = mechanism ?? new MechanismStrength(0, 0, 0);
        var detection = ComplianceRules.EitherOf(MechanismDefaults.BaselineDetection, m.Detection);
        var falseAlarm = m.Detection > 0
            ? ComplianceRules.FalseAlarmRate(true, m.FalseAlarm, 0)
            : ComplianceRules.FalseAlarmRate(false, 0, m.FalseAlarm);
        var cost = ComplianceRules.ExpectedViolationCost(detection, m.Penalty, CollapseIfDetected, Discount, MechanismDefaults.GenericSurplus);
        var violate = ComplianceRules.ViolationProbability(temptation, cost, MechanismDefaults.TemptationNoise);
        return Parties * CollapseIfDetected * (detection * violate + (1 - violate) * falseAlarm);
    }

    /// <summary>Survival over <see cref="Weeks"/> periods at a constant hazard: (1 − h)^52.</summary>
    public static double OneYearSurvival(double hazard) => Math.Pow(1 - hazard, Weeks);

    /// <summary>The constant per-period hazard that gives one-year survival S: 1 − S^(1/52).</summary>
    public static double HazardFor(double survival) => 1 - Math.Pow(survival, 1.0 / Weeks);

    /// <summary>The generic temptation for which the ceasefire without mechanism survives one year with probability <paramref name="survival"/>.</summary>
    public static double SolveTemptation(double survival) =>
        Bisect(t => GenericHazard(t, null) - HazardFor(survival), 1e-6, 10); // hazard rises with temptation

    /// <summary>The mechanism penalty for which the generic ceasefire with a mechanism of the given detection and false alarm survives with probability <paramref name="survival"/>.</summary>
    public static double SolvePenalty(double detection, double falseAlarm, double survival, double temptation = MechanismDefaults.GenericTemptation) =>
        Bisect(p => HazardFor(survival) - GenericHazard(temptation, new MechanismStrength(detection, falseAlarm, p)), 0, 50); // hazard falls with penalty

    /// <summary>The mechanism detection for which the generic ceasefire with a mechanism of the given false alarm and penalty survives with probability <paramref name="survival"/>.</summary>
    public static double SolveDetection(double falseAlarm, double penalty, double survival, double temptation = MechanismDefaults.GenericTemptation) =>
        Bisect(d => HazardFor(survival) - GenericHazard(temptation, new MechanismStrength(d, falseAlarm, penalty)), 1e-9, 1); // hazard falls with detection here

    // Root of an increasing function on [low, high].
    private static double Bisect(Func<double, double> increasing, double low, double high)
    {
        for (var i = 0; i < 200; i++)
        {
            var mid = (low + high) / 2;
            if (increasing(mid) < 0)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
