using Negotiation.Core.Model;

namespace Negotiation.Simulation.Compliance;

/// <summary>Detection (per violation), false-alarm probability (per obligation and rate unit) and the extra penalty to a detected violator.</summary>
public readonly record struct MechanismStrength(double Detection, double FalseAlarm, double Penalty);

/// <summary>
/// The model's constants and the defaults of each mechanism kind. Derivation and sources in
/// docs/model-compliance.md, section 10: the generic two-party ceasefire (weekly rate unit) is fitted to one figure
/// per mechanism family (ETH/PRIO one-year survival without and with an agreed compliance mechanism); the shape of
/// the survival curve and the peacekeeper effect are validated against figures that were not fitted.
/// </summary>
public static class MechanismDefaults
{
    /// <summary>The rate unit the calibrated constants are written in: one week.</summary>
    public const double CalibrationUnitDays = 7;

    /// <summary>Probability a violation is noticed and attributed with no mechanism at all (the parties' own intelligence, the press). JUDGEMENT.</summary>
    public const double BaselineDetection = 0.5;

    /// <summary>Probability per obligation and week that compliance is reported as a violation with no mechanism (fog of war, rumour). JUDGEMENT.</summary>
    public const double BaselineFalseAlarm = 0.002;

    /// <summary>σ of the mean-one log-normal shock on the gain of one violation opportunity. JUDGEMENT.</summary>
    public const double TemptationNoise = 1.0;

    /// <summary>Mean days between opportunities to violate a provision (a local commander, a chance on the ground). JUDGEMENT.</summary>
    public const double OpportunityDays = 7;

    /// <summary>Days a forgiving tit-for-tat party retaliates before it forgives or quits. JUDGEMENT.</summary>
    public const double RetaliationDays = 7;

    /// <summary>
    /// The early excess of temptation, K: on day s after signature the gain of violating is T · (1 + K · e^(−s/τ)),
    /// τ = <see cref="EarlyTemptationDays"/>. Before the lines freeze each side can still improve its position, units
    /// have not all received or accepted the order, and the other side's resolve is untested; the excess decays as
    /// the agreement holds. Fitted (<see cref="ComplianceCalibration.SolveEarlyExcess"/>) together with
    /// <see cref="GenericTemptation"/> so that the generic ceasefire without a mechanism fails within 30 days in 12%
    /// of runs and holds one year in 66% (docs/model-compliance.md, section 10).
    /// </summary>
    public const double EarlyTemptationExcess = 5.23;

    /// <summary>τ: the days over which the early excess of temptation decays by a factor e. JUDGEMENT: the week the 2016
    /// arrangement gives the parties before its joint centre starts (seed 000), the time to delineate and inform.</summary>
    public const double EarlyTemptationDays = 7;

    /// <summary>Days after which the early excess is below 10⁻⁶ of the temptation and is left out (the rates no longer change with time).</summary>
    public static double EarlyTemptationWindowDays => EarlyTemptationExcess <= 0 ? 0 : EarlyTemptationDays * Math.Log(EarlyTemptationExcess * 1e6);

    /// <summary>
    /// The generic ceasefire's median temptation per week, fitted (<see cref="ComplianceCalibration.SolveTemptation"/>)
    /// so that it holds one year in 66% of runs without a mechanism (ETH/PRIO).
    /// </summary>
    public const double GenericTemptation = 0.0626;

    /// <summary>
    /// σ of the log-normal spread of temptation across agreements (some ceasefires are signed by parties far more
    /// tempted than others): JUDGEMENT, half a log unit (a factor 1.65 either way), the largest round value at which
    /// a monitor can still be fitted to the 81% (at σ = 1 no detection reaches it: the most tempted fail regardless).
    /// </summary>
    public const double GenericTemptationSpread = 0.5;

    /// <summary>The generic ceasefire's surplus per week (agreement utility 0.6 − reservation 0.5).</summary>
    public const double GenericSurplus = 0.1;

    /// <summary>The per-day hazard equivalent to a probability <paramref name="probability"/> per <paramref name="unitDays"/> days: −ln(1 − p) / unit.</summary>
    public static double HazardPerDay(double probability, double unitDays) =>
        probability >= 1 ? double.PositiveInfinity : -Math.Log(1 - Math.Max(0, probability)) / unitDays;

    /// <summary>A probability per <paramref name="fromDays"/> days restated per <paramref name="toDays"/> days: 1 − (1 − p)^(to / from).</summary>
    public static double Restate(double probability, double fromDays, double toDays) =>
        1 - Math.Pow(1 - Math.Clamp(probability, 0, 1), toDays / fromDays);

    /// <summary>Defaults by kind with the false-alarm probability per week.</summary>
    public static MechanismStrength For(MechanismKind kind) => For(kind, CalibrationUnitDays);

    /// <summary>
    /// Defaults by kind, the false-alarm probability restated per <paramref name="rateUnitDays"/> days. Detection is
    /// per violation and the penalty per detected violation: neither depends on the unit.
    /// </summary>
    public static MechanismStrength For(MechanismKind kind, double rateUnitDays)
    {
        var weekly = Weekly(kind);
        return weekly with { FalseAlarm = Restate(weekly.FalseAlarm, CalibrationUnitDays, rateUnitDays) };
    }

    private static MechanismStrength Weekly(MechanismKind kind) => kind switch
    {
        // ETH/PRIO: 81% with an agreed compliance mechanism (fitted: detection). False alarms 0.001 per week
        // (JUDGEMENT: verified reports halve the 0.002 rumour rate), no penalty (a joint body names violations, it
        // does not punish; Fortna 2003 finds joint commissions the weakest measure).
        MechanismKind.JointMonitoring => new(JointMonitoringDetection, 0.001, 0.0),

        // ETH/PRIO does not tell verification apart from other compliance mechanisms: joint monitoring's numbers.
        MechanismKind.Verification => new(JointMonitoringDetection, 0.001, 0.0),

        // Not fitted (validated against Fortna 2004): JUDGEMENT, a monitor at least as good as a joint body that is
        // impartial (false alarms halved again, 0.0005) and a small tripwire cost (0.05).
        MechanismKind.Peacekeepers => new(JointMonitoringDetection, 0.0005, 0.05),

        // Fortna 2003: DMZs among the strongest measures. JUDGEMENT: a zone sees little by itself (detection 0.1) but
        // makes any incursion unambiguous (false alarms 0.0005) and costly; penalty fitted to the ETH/PRIO 81%.
        MechanismKind.DemilitarisedZone => new(0.1, 0.0005, DemilitarisedZonePenalty),

        // JUDGEMENT: a compliance mechanism (ETH/PRIO 81%) that enforces without monitoring: detection and false
        // alarms 0 (the baseline applies); penalty fitted.
        MechanismKind.SanctionsSnapback => new(0.0, 0.0, SnapbackPenalty),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mechanism kind"),
    };

    /// <summary>Joint monitoring's detection per violation, fitted to ETH/PRIO's 81%.</summary>
    public const double JointMonitoringDetection = 0.806;

    /// <summary>The demilitarised zone's penalty, fitted to ETH/PRIO's 81%.</summary>
    public const double DemilitarisedZonePenalty = 0.239;

    /// <summary>Sanctions snap-back's penalty, fitted to ETH/PRIO's 81%.</summary>
    public const double SnapbackPenalty = 0.680;
}
