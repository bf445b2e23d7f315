namespace Negotiation.Simulation.Compliance;

/// <summary>
/// The closed form behind <see cref="MechanismDefaults"/> (docs/model-compliance.md, section 10): the collapse
/// hazard per day of the generic two-party ceasefire (rates per week), its survival curve averaged over the spread of
/// temptation across agreements, and solvers that fit the median temptation and each mechanism kind's one free
/// number to a one-year survival figure. Used to derive the constants; the simulator does not call it, and the
/// validation tests compare the simulation (not this formula) with figures that were not fitted.
/// </summary>
public static class ComplianceCalibration
{
    /// <summary>Days in the calibration year (52 weeks, so that daily, weekly and 28-day periods all end on it).</summary>
    public const int YearDays = 364;

    /// <summary>ETH/PRIO CF data: share of ceasefires without an agreed compliance mechanism holding one year (fitted).</summary>
    public const double SurvivalWithoutMechanism = 0.66;

    /// <summary>ETH/PRIO CF data: share of ceasefires with an agreed compliance mechanism holding one year (fitted).</summary>
    public const double SurvivalWithMechanism = 0.81;

    /// <summary>Share of ceasefires failing within their first 30 days (fitted, with the one-year survival, by the early excess of temptation).</summary>
    public const double EarlyFailure = 0.12;

    /// <summary>Fortna (2004): hazard ratio of peace with peacekeepers against without (validation only, not fitted).</summary>
    public const double PeacekeepingHazardRatio = 0.47;

    // The generic ceasefire: two parties, each bound, each answering the other by forgiving tit-for-tat with
    // forgiveness 0.5 (so P(collapse | seen) = 0.5), δ = 0.95 per week, surplus 0.1 per week, no penalty of its own.
    private const int Parties = 2;
    private const double CollapseIfSeen = 0.5;
    private const double Discount = 0.95;

    /// <summary>
    /// Collapse hazard per day of the generic ceasefire at temptation T (per week): each party is seen violating at
    /// rate D·λ_v + φ (detected violations and false alarms) and each sighting ends it with probability 0.5:
    /// h = 2 · 0.5 · (D · v / 7 + φ), v = P(T·shock &gt; c), c = D · (M + 0.5 · 0.1 / −ln 0.95). Ignores the week's
    /// delay of a tit-for-tat response and sightings during a retaliation (second order at these hazards).
    /// </summary>
    public static double GenericHazard(double temptation, MechanismStrength? mechanism)
    {
        var m = mechanism ?? new MechanismStrength(0, 0, 0);
        var detection = ComplianceRules.EitherOf(MechanismDefaults.BaselineDetection, m.Detection);
        var unit = MechanismDefaults.CalibrationUnitDays;
        var f = MechanismDefaults.HazardPerDay(m.FalseAlarm, unit);
        var falseAlarm = ComplianceRules.FalseAlarmHazard(
            mechanism is not null && m.Detection > 0, f, m.Detection > 0 ? 0 : f,
            MechanismDefaults.HazardPerDay(MechanismDefaults.BaselineFalseAlarm, unit));
        var cost = ComplianceRules.ExpectedViolationCost(detection, m.Penalty, CollapseIfSeen, Discount, MechanismDefaults.GenericSurplus);
        var violate = ComplianceRules.ViolationProbability(temptation * MechanismDefaults.OpportunityDays / unit, cost, MechanismDefaults.TemptationNoise);
        return Parties * CollapseIfSeen * (detection * violate / MechanismDefaults.OpportunityDays + falseAlarm);
    }

    /// <summary>
    /// Share of generic ceasefires still holding after <paramref name="days"/>, averaged over agreements whose
    /// temptation is log-normal around the median with σ = <paramref name="spread"/>:
    /// S(t) = E_z[exp(−H(T·e^(σz), t − 7))], H(T, u) = ∫₀ᵘ h(T · (1 + K e^(−s/τ))) ds, the violation seen on day s
    /// ending the agreement when the tit-for-tat week of retaliation is over (midpoint rule over z in [−8, 8] and
    /// over days while the early excess K lasts; constant hazard after).
    /// </summary>
    public static double Survival(
        double days, double medianTemptation, MechanismStrength? mechanism,
        double spread = MechanismDefaults.GenericTemptationSpread, double earlyExcess = MechanismDefaults.EarlyTemptationExcess)
    {
        const int steps = 400;
        const double span = 8;
        var exposed = Math.Max(0, days - MechanismDefaults.RetaliationDays);
        var window = earlyExcess <= 0 ? 0 : Math.Min(exposed, MechanismDefaults.EarlyTemptationDays * Math.Log(earlyExcess * 1e6));
        var sum = 0.0;
        var weight = 0.0;
        for (var k = 0; k < steps; k++)
        {
            var z = -span + (k + 0.5) * (2 * span / steps);
            var density = Math.Exp(-z * z / 2);
            var temptation = medianTemptation * Math.Exp(spread * z);
            var cumulative = GenericHazard(temptation, mechanism) * (exposed - window);
            for (var day = 0.0; day < window; day += 1)
            {
                var length = Math.Min(1, window - day);
                var factor = ComplianceRules.EarlyTemptationFactor(day + length / 2, earlyExcess, MechanismDefaults.EarlyTemptationDays);
                cumulative += GenericHazard(temptation * factor, mechanism) * length;
            }

            sum += density * Math.Exp(-cumulative);
            weight += density;
        }

        return sum / weight;
    }

    /// <summary>
    /// The early excess K and the median temptation for which the ceasefire without mechanism fails within
    /// <paramref name="firstMonthDays"/> with probability <paramref name="earlyFailure"/> and holds one year with
    /// probability <paramref name="survival"/> (nested bisection: slow, a derivation aid, not for tests).
    /// </summary>
    public static (double Excess, double Temptation) SolveEarlyExcess(double earlyFailure, double survival, double firstMonthDays = 30)
    {
        var excess = Bisect(
            k => (1 - Survival(firstMonthDays, SolveTemptation(survival, k), null, earlyExcess: k)) - earlyFailure, 0, 50);
        return (excess, SolveTemptation(survival, excess));
    }

    /// <summary>The median temptation for which the ceasefire without mechanism holds one year with probability <paramref name="survival"/>.</summary>
    public static double SolveTemptation(double survival, double earlyExcess = MechanismDefaults.EarlyTemptationExcess) =>
        Bisect(t => survival - Survival(YearDays, t, null, earlyExcess: earlyExcess), 1e-6, 10); // survival falls with temptation

    /// <summary>The mechanism penalty for which the generic ceasefire with a mechanism of the given detection and false alarm holds one year with probability <paramref name="survival"/>.</summary>
    public static double SolvePenalty(double detection, double falseAlarm, double survival, double temptation = MechanismDefaults.GenericTemptation) =>
        Bisect(p => Survival(YearDays, temptation, new MechanismStrength(detection, falseAlarm, p)) - survival, 0, 50);

    /// <summary>The mechanism detection for which the generic ceasefire with a mechanism of the given false alarm and penalty holds one year with probability <paramref name="survival"/>.</summary>
    public static double SolveDetection(double falseAlarm, double penalty, double survival, double temptation = MechanismDefaults.GenericTemptation) =>
        Bisect(d => Survival(YearDays, temptation, new MechanismStrength(d, falseAlarm, penalty)) - survival, 1e-9, 1);

    // Root of an increasing function on [low, high].
    private static double Bisect(Func<double, double> increasing, double low, double high)
    {
        for (var i = 0; i < 50; i++)
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
