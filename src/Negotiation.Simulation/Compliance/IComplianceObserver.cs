namespace Negotiation.Simulation.Compliance;

/// <summary>What a party did about a violation it saw (real, false alarm or misattributed attack).</summary>
public enum ResponseAction : byte
{
    /// <summary>Abandoned the agreement (grim trigger, unforgiven retaliation, or tolerance exceeded).</summary>
    Collapse,

    /// <summary>Forgiving tit-for-tat: suspends its own compliance for one period.</summary>
    Retaliate,

    /// <summary>Forgiving tit-for-tat: returned to compliance after retaliating.</summary>
    Forgive,

    /// <summary>Proportional response: noted the violation, still within its tolerance.</summary>
    Tolerate,
}

/// <summary>
/// Watches one compliance run (for traces and explanations). Party arguments index
/// <see cref="ComplianceModel.PartyIds"/>; provision and stage arguments index the scenario's lists.
/// Called synchronously from the hot loop: implementations used in bulk runs should be cheap.
/// </summary>
public interface IComplianceObserver
{
    /// <summary>Period <paramref name="period"/> (1-based) begins.</summary>
    void PeriodStarted(int period);

    /// <summary>Stage <paramref name="stage"/> has been reached: it runs (and its mechanisms work) from period <paramref name="period"/> on.</summary>
    void StageReached(int period, int stage);

    /// <summary>An obligated party chose to violate a provision: its noisy gain exceeded its expected cost.</summary>
    void Violation(int period, int provision, int party, double gain, double expectedCost);

    /// <summary>Someone is seen to have violated: a detected real violation, a false alarm, or a misattributed spoiler attack (<paramref name="kind"/> says which).</summary>
    void Detected(int period, int party, CollapseCause kind);

    /// <summary>A party pays a penalty for a detected (or apparent) violation; <paramref name="asGuarantor"/> when it pays for its client.</summary>
    void Penalty(int period, int party, double amount, bool asGuarantor);

    /// <summary>A spoiler attacked; <paramref name="misattributed"/> when the attack was taken for a violation by the parties it is blamed on.</summary>
    void SpoilerAttack(int period, int spoiler, bool misattributed);

    /// <summary>How <paramref name="responder"/> answered what it saw <paramref name="offender"/> do.</summary>
    void Response(int period, int responder, int offender, ResponseAction action);

    /// <summary>At a renewal date a party gave notice; the agreement ends after period <paramref name="effectivePeriod"/>.</summary>
    void WithdrawalNotice(int period, int effectivePeriod);

    /// <summary>
    /// Actor <paramref name="party"/> gave notice under the agreement's withdrawal clause; it leaves after period
    /// <paramref name="effectivePeriod"/> and the others go on while two parties remain. Default: ignored.
    /// </summary>
    void PartyWithdrawalNotice(int period, int party, int effectivePeriod)
    {
    }

    /// <summary>The run is over.</summary>
    void Ended(ComplianceResult result);
}
