using Negotiation.Core.Model;

namespace Negotiation.Simulation.Compliance;

/// <summary>Detection and false-alarm probabilities per period, and the extra penalty to a detected violator.</summary>
public readonly record struct MechanismStrength(double Detection, double FalseAlarm, double Penalty);

/// <summary>
/// The model's calibrated constants and the defaults of each mechanism kind. Derivation in
/// docs/model-compliance.md ("Calibration"): with these, the generic two-party weekly ceasefire
/// (<see cref="GenericTemptation"/>, surplus <see cref="GenericSurplus"/>, default actor traits, no penalty of its own)
/// holds one year in 66% of runs without a mechanism (ETH/PRIO CF data), 81% with joint monitoring (ETH/PRIO,
/// agreed compliance mechanism) and 82% with peacekeepers (Fortna 2004: hazard ratio 0.47, 0.66^0.47 = 0.82).
/// </summary>
public static class MechanismDefaults
{
    /// <summary>Per period, the chance a violation is noticed and attributed with no mechanism at all (the parties' own intelligence, the press).</summary>
    public const double BaselineDetection = 0.5;

    /// <summary>Per period and obligation, the chance compliance is reported as a violation with no mechanism (fog of war, rumour).</summary>
    public const double BaselineFalseAlarm = 0.002;

    /// <summary>σ of the mean-one log-normal per-period shock on temptation: why the same actor complies one week and not the next.</summary>
    public const double TemptationNoise = 1.0;

    /// <summary>The generic ceasefire's mean temptation per period, solved so that it holds one year in 66% of runs without a mechanism.</summary>
    public const double GenericTemptation = 0.0819;

    /// <summary>The generic ceasefire's surplus per period (agreement utility 0.6 − reservation 0.5).</summary>
    public const double GenericSurplus = 0.1;

    /// <summary>Defaults by kind: detection and false alarm chosen by judgement, penalty solved to hit the kind's survival target.</summary>
    public static MechanismStrength For(MechanismKind kind) => kind switch
    {
        // ETH/PRIO: ceasefires with an agreed compliance mechanism, 81% one-year survival.
        MechanismKind.JointMonitoring => new(0.6, 0.001, 0.31),

        // Treated as an agreed compliance mechanism (81%), run by an outside body: sees more, so needs less penalty.
        MechanismKind.Verification => new(0.7, 0.001, 0.26),

        // Fortna 2004: hazard ratio 0.47, i.e. 0.66^0.47 = 82% one-year survival.
        MechanismKind.Peacekeepers => new(0.6, 0.0005, 0.24),

        // Fortna 2003: DMZs among the strongest measures; judged as strong as peacekeepers (82%). A zone shows
        // incursions less than monitors do but makes them costly.
        MechanismKind.DemilitarisedZone => new(0.4, 0.0005, 0.36),

        // Judgement: enforcement without monitoring of its own (relies on baseline detection), sized to 81%.
        MechanismKind.SanctionsSnapback => new(0.0, 0.0, 0.45),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mechanism kind"),
    };
}
