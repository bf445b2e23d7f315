using Negotiation.Simulation.Compliance;

namespace Negotiation.Simulation.Tests.Compliance;

/// <summary>Keeps every observer call as a line, and the structured bits tests look at.</summary>
internal sealed class RecordingObserver : IComplianceObserver
{
    public List<string> Log { get; } = [];
    public List<(int Period, int Provision, int Party, double Gain, double Cost)> Violations { get; } = [];
    public List<(int Period, int Party, CollapseCause Kind)> Detections { get; } = [];
    public List<(int Period, int Party, double Amount, bool AsGuarantor)> Penalties { get; } = [];
    public List<(int Period, int Responder, int Offender, ResponseAction Action)> Responses { get; } = [];
    public List<(int Period, int Stage)> Stages { get; } = [];
    public List<(int Period, int Spoiler, bool Misattributed)> Attacks { get; } = [];
    public ComplianceResult? Result { get; private set; }

    public void PeriodStarted(int period) => Log.Add($"period {period}");

    public void StageReached(int period, int stage)
    {
        Stages.Add((period, stage));
        Log.Add($"stage {stage} from {period}");
    }

    public void Violation(int period, int provision, int party, double gain, double expectedCost)
    {
        Violations.Add((period, provision, party, gain, expectedCost));
        Log.Add($"violation {party} of {provision}");
    }

    public void Detected(int period, int party, CollapseCause kind)
    {
        Detections.Add((period, party, kind));
        Log.Add($"detected {party} {kind}");
    }

    public void Penalty(int period, int party, double amount, bool asGuarantor) => Penalties.Add((period, party, amount, asGuarantor));

    public void SpoilerAttack(int period, int spoiler, bool misattributed) => Attacks.Add((period, spoiler, misattributed));

    public void Response(int period, int responder, int offender, ResponseAction action)
    {
        Responses.Add((period, responder, offender, action));
        Log.Add($"response {responder} {action}");
    }

    public void WithdrawalNotice(int period, int effectivePeriod) => Log.Add($"notice {period} until {effectivePeriod}");

    public List<(int Period, int Party, int EffectivePeriod)> PartyNotices { get; } = [];

    public void PartyWithdrawalNotice(int period, int party, int effectivePeriod)
    {
        PartyNotices.Add((period, party, effectivePeriod));
        Log.Add($"party {party} notice {period} until {effectivePeriod}");
    }

    public void Ended(ComplianceResult result)
    {
        Result = result;
        Log.Add($"ended {result}");
    }
}
