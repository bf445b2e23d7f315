using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// A scenario's compliance section compiled into flat arrays of parameter slots and indices: immutable, shared
/// by every worker thread. Every number is read from the per-run parameter vector by slot, so each one can be
/// uncertain, swept or overridden. Rules: docs/model-compliance.md.
/// </summary>
public sealed class ComplianceModel
{
    private ComplianceModel(Scenario scenario)
    {
        Scenario = scenario;
        ActorCount = scenario.Actors.Count;
        PartyIds = scenario.Actors.Select(a => a.Id).ToArray();
        StageIds = [];
    }

    /// <summary>False when the scenario has no compliance section: <see cref="ComplianceSimulator.Run"/> then returns <see cref="ComplianceResult.NotSimulated"/>.</summary>
    public bool Enabled { get; private init; }

    /// <summary>Periods simulated after signature.</summary>
    public int Horizon { get; private init; }

    /// <summary>Days per period: the discretisation step of the continuous-time model.</summary>
    public double PeriodDays { get; private init; }

    /// <summary>Days in the unit of time the scenario's rates are written in (<see cref="ComplianceDesign.RateUnit"/>).</summary>
    public double RateUnitDays { get; private init; }

    /// <summary>Actors (scenario order), then spoilers (scenario order).</summary>
    public IReadOnlyList<string> PartyIds { get; private init; }

    /// <summary>Stages in scenario order; bit k of <see cref="ComplianceResult.StagesReached"/> is stage k.</summary>
    public IReadOnlyList<string> StageIds { get; private init; }

    public Scenario Scenario { get; }

    internal int ActorCount { get; }

    internal int IssueCount => Scenario.Issues.Count;

    // Actors.
    internal ResponseKind[] Response { get; private init; } = [];
    internal int[] DiscountSlot { get; private init; } = [];
    internal int[] ForgivenessSlot { get; private init; } = [];
    internal int[] ToleranceSlot { get; private init; } = [];
    internal bool[] IsParty { get; private init; } = [];
    internal bool[] IsSignatory { get; private init; } = [];
    internal int[][] Guarantors { get; private init; } = [];   // actor -> actors that answer for it
    internal int[][] Responders { get; private init; } = [];   // actor -> parties that answer its violations

    // Provisions.
    internal int[] TemptationSlot { get; private init; } = [];
    internal int[] ProvisionPenaltySlot { get; private init; } = [];
    internal int[][] Obligated { get; private init; } = [];
    internal TermGate?[] ProvisionGate { get; private init; } = [];
    internal int[] ProvisionStage { get; private init; } = [];        // -1: from signature
    internal int[] ProvisionUntilPeriods { get; private init; } = [];  // 0: no sunset; else in force for periods 1..n
    internal int[] PartialGainSlot { get; private init; } = [];        // -1: the provision cannot be violated partly
    internal int[] PartialDetectionSlot { get; private init; } = [];

    // Obligations (provision, obligated actor) flattened in provision order, then list order.
    internal int[] ObligationProvision { get; private init; } = [];
    internal int[] ObligationActor { get; private init; } = [];

    // Mechanisms.
    internal int[] DetectionSlot { get; private init; } = [];
    internal int[] FalseAlarmSlot { get; private init; } = [];
    internal int[] MechanismPenaltySlot { get; private init; } = [];
    internal int[] MechanismStage { get; private init; } = [];
    internal TermGate?[] MechanismGate { get; private init; } = [];
    internal int[] MechanismUntilPeriods { get; private init; } = [];

    // Tit-for-tat retaliation: resolved at the end of period t + RetaliationPeriods (0: the same period).
    internal int RetaliationPeriods { get; private init; }

    // Periods 1..EarlyPeriods start before the early excess of temptation has decayed to nothing (MechanismDefaults).
    internal int EarlyPeriods { get; private init; }

    // Spoilers.
    internal int[] AttackSlot { get; private init; } = [];
    internal int[] MisattributionSlot { get; private init; } = [];
    internal int[][] BlamedOn { get; private init; } = [];

    // Stages.
    internal int[] StageAfterPeriods { get; private init; } = [];
    internal int[] RewardSlot { get; private init; } = [];

    // Renewal (RenewalPeriods 0: none).
    internal int RenewalPeriods { get; private init; }
    internal int NoticePeriods { get; private init; }
    internal int WithdrawalSlot { get; private init; } = -1;

    // A party's own withdrawal, the others going on (PartyWithdrawalSlot -1: none).
    internal int PartyWithdrawalSlot { get; private init; } = -1;
    internal int PartyNoticePeriods { get; private init; }
    internal bool[] MayWithdraw { get; private init; } = [];

    internal int ProvisionCount => TemptationSlot.Length;
    internal int MechanismCount => DetectionSlot.Length;
    internal int SpoilerCount => AttackSlot.Length;
    internal int StageCount => StageAfterPeriods.Length;
    internal int ObligationCount => ObligationActor.Length;
    internal int PartyCount => ActorCount + SpoilerCount;

    /// <summary>
    /// Registers every compliance number in <paramref name="parameters"/> under its YAML path and compiles the
    /// section. Unknown references are reported together as an <see cref="InputException"/>.
    /// </summary>
    public static ComplianceModel Compile(Scenario scenario, ParameterTable parameters)
    {
        Guard.NotNull(scenario);
        Guard.NotNull(parameters);
        var design = scenario.Compliance;
        if (design is null)
        {
            return new ComplianceModel(scenario) { Enabled = false, Horizon = 0, PeriodDays = 0, RateUnitDays = 0, PartyIds = scenario.Actors.Select(a => a.Id).ToArray(), StageIds = [] };
        }

        var diagnostics = new List<Diagnostic>();
        var fallback = design.Position ?? new SourcePosition(scenario.Metadata.Id, 0, 0);
        void Error(SourcePosition? at, string message) => diagnostics.Add(Diagnostic.Error(at ?? fallback, message));
        if (design.Horizon < 1)
        {
            Error(design.Position, $"compliance horizon is {design.Horizon}; expected at least 1 period");
        }

        if (!(design.PeriodDays > 0))
        {
            Error(design.Position, $"compliance periodDays is {design.PeriodDays}; expected a positive number of days");
        }

        var actors = scenario.Actors;
        var rateUnit = design.RateUnit;
        if (!(rateUnit > 0))
        {
            Error(design.Position, $"compliance rateUnitDays is {rateUnit}; expected a positive number of days");
        }

        // A sunset after d days: in force for the periods that start before day d, round(d / PeriodDays), at least 1.
        int UntilPeriods(double? days) => days is { } d && design.PeriodDays > 0 ? Math.Max(1, (int)Math.Round(d / design.PeriodDays)) : 0;

        int Actor(string id, SourcePosition? at, string what)
        {
            var i = scenario.ActorIndex(id);
            if (i < 0)
            {
                Error(at, $"{what} names unknown actor '{id}'; expected one of the scenario's actors");
            }

            return i;
        }

        // Actors' compliance traits.
        var response = new ResponseKind[actors.Count];
        var discount = new int[actors.Count];
        var forgiveness = new int[actors.Count];
        var tolerance = new int[actors.Count];
        for (var a = 0; a < actors.Count; a++)
        {
            var traits = actors[a].Compliance ?? ComplianceTraits.Default;
            var prefix = "actors." + actors[a].Id + ".compliance.";
            response[a] = traits.Response;
            discount[a] = parameters.Register(prefix + "discount", traits.Discount);
            forgiveness[a] = parameters.Register(prefix + "forgiveness", traits.Forgiveness);
            tolerance[a] = parameters.Register(prefix + "tolerance", traits.Tolerance);
        }

        // Provisions.
        var provisions = design.Provisions;
        var temptation = new int[provisions.Count];
        var provisionPenalty = new int[provisions.Count];
        var obligated = new int[provisions.Count][];
        var provisionGate = new TermGate?[provisions.Count];
        var provisionStage = new int[provisions.Count];
        var provisionUntil = new int[provisions.Count];
        var partialGain = new int[provisions.Count];
        var partialDetection = new int[provisions.Count];
        var obligationProvision = new List<int>();
        var obligationActor = new List<int>();
        var isParty = new bool[actors.Count];
        for (var j = 0; j < provisions.Count; j++)
        {
            var provision = provisions[j];
            var prefix = "compliance.provisions." + provision.Id + ".";
            temptation[j] = parameters.Register(prefix + "temptation", provision.Temptation);
            provisionPenalty[j] = parameters.Register(prefix + "penalty", provision.Penalty);
            obligated[j] = provision.Obligated
                .Select(id => Actor(id, provision.Position, $"provision '{provision.Id}'"))
                .Where(i => i >= 0).Distinct().ToArray();
            foreach (var i in obligated[j])
            {
                isParty[i] = true;
                obligationProvision.Add(j);
                obligationActor.Add(i);
            }

            provisionStage[j] = provision.Stage is { } provisionStageId ? IndexOf(design.Stages, s => s.Id == provisionStageId) : -1;
            if (provision.Stage is not null && provisionStage[j] < 0)
            {
                Error(provision.Position, $"provision '{provision.Id}' names unknown stage '{provision.Stage}'; expected one of compliance.stages");
            }

            provisionUntil[j] = UntilPeriods(provision.UntilDays);
            partialGain[j] = provision.Partial is { } partial ? parameters.Register(prefix + "partial.gain", partial.Gain) : -1;
            partialDetection[j] = provision.Partial is { } partly ? parameters.Register(prefix + "partial.detection", partly.Detection) : -1;

            provisionGate[j] = TermGate.Compile(provision.When, scenario, m => Error(provision.Position, $"provision '{provision.Id}': {m}"));
        }

        // Signatories are parties too: they answer violations and collect stage rewards.
        var isSignatory = new bool[actors.Count];
        foreach (var id in scenario.Protocol.Signatories)
        {
            var i = Actor(id, scenario.Protocol.Position, "protocol signatories");
            if (i >= 0)
            {
                isSignatory[i] = true;
                isParty[i] = true;
            }
        }

        // Guarantors: g answers for c when c is in g's AnswersFor.
        var guarantors = new List<int>[actors.Count];
        for (var a = 0; a < actors.Count; a++)
        {
            guarantors[a] = [];
        }

        for (var g = 0; g < actors.Count; g++)
        {
            foreach (var clientId in actors[g].AnswersFor ?? [])
            {
                var c = Actor(clientId, actors[g].Position, $"actor '{actors[g].Id}' answersFor");
                if (c >= 0 && c != g && !guarantors[c].Contains(g))
                {
                    guarantors[c].Add(g);
                }
            }
        }

        // Who answers a violation by o: every other party except o's guarantors (they answer for o, not to it).
        var responders = new int[actors.Count][];
        for (var o = 0; o < actors.Count; o++)
        {
            responders[o] = Enumerable.Range(0, actors.Count)
                .Where(k => k != o && isParty[k] && !guarantors[o].Contains(k)).ToArray();
        }

        // Stages (before mechanisms, which may refer to them).
        var stages = design.Stages;
        var stageAfter = new int[stages.Count];
        var reward = new int[stages.Count];
        if (stages.Count > 30)
        {
            Error(design.Position, $"compliance has {stages.Count} stages; expected at most 30");
        }

        for (var s = 0; s < stages.Count; s++)
        {
            // Reached once the agreement has held AfterDays: after ceil(AfterDays / PeriodDays) full periods.
            stageAfter[s] = design.PeriodDays > 0 ? (int)Math.Ceiling(stages[s].AfterDays / design.PeriodDays - 1e-9) : 0;
            stageAfter[s] = Math.Max(0, stageAfter[s]);
            reward[s] = parameters.Register("compliance.stages." + stages[s].Id + ".reward", stages[s].Reward);
        }

        // Mechanisms: unset numbers take their kind's defaults.
        var mechanisms = design.Mechanisms;
        var detection = new int[mechanisms.Count];
        var falseAlarm = new int[mechanisms.Count];
        var mechanismPenalty = new int[mechanisms.Count];
        var mechanismStage = new int[mechanisms.Count];
        var mechanismGate = new TermGate?[mechanisms.Count];
        var mechanismUntil = new int[mechanisms.Count];
        for (var m = 0; m < mechanisms.Count; m++)
        {
            var mechanism = mechanisms[m];
            var strength = MechanismDefaults.For(mechanism.Kind, rateUnit > 0 ? rateUnit : MechanismDefaults.CalibrationUnitDays);
            mechanismUntil[m] = UntilPeriods(mechanism.UntilDays);
            var prefix = "compliance.mechanisms." + mechanism.Id + ".";
            detection[m] = parameters.Register(prefix + "detection", mechanism.Detection, strength.Detection);
            falseAlarm[m] = parameters.Register(prefix + "falseAlarm", mechanism.FalseAlarm, strength.FalseAlarm);
            mechanismPenalty[m] = parameters.Register(prefix + "penalty", mechanism.Penalty, strength.Penalty);
            mechanismStage[m] = -1;
            if (mechanism.Stage is { } stageId)
            {
                mechanismStage[m] = IndexOf(stages, s => s.Id == stageId);
                if (mechanismStage[m] < 0)
                {
                    Error(mechanism.Position, $"mechanism '{mechanism.Id}' names unknown stage '{stageId}'; expected one of compliance.stages");
                }
            }

            mechanismGate[m] = TermGate.Compile(mechanism.When, scenario, msg => Error(mechanism.Position, $"mechanism '{mechanism.Id}': {msg}"));
        }

        // Spoilers.
        var spoilers = design.Spoilers;
        var attack = new int[spoilers.Count];
        var misattribution = new int[spoilers.Count];
        var blamedOn = new int[spoilers.Count][];
        for (var s = 0; s < spoilers.Count; s++)
        {
            var spoiler = spoilers[s];
            var prefix = "compliance.spoilers." + spoiler.Id + ".";
            attack[s] = parameters.Register(prefix + "attackProbability", spoiler.AttackProbability);
            misattribution[s] = parameters.Register(prefix + "misattribution", spoiler.Misattribution);
            blamedOn[s] = spoiler.BlamedOn
                .Select(id => Actor(id, spoiler.Position, $"spoiler '{spoiler.Id}' blamedOn"))
                .Where(i => i >= 0).Distinct().ToArray();
        }

        // Renewal.
        var renewalPeriods = 0;
        var noticePeriods = 0;
        var withdrawal = -1;
        if (design.Renewal is { } renewal && design.PeriodDays > 0)
        {
            if (!(renewal.EveryDays > 0) || renewal.NoticeDays < 0)
            {
                Error(design.Position, $"renewal every {renewal.EveryDays} days with {renewal.NoticeDays} days notice; expected everyDays > 0 and noticeDays >= 0");
            }

            renewalPeriods = Math.Max(1, (int)Math.Round(renewal.EveryDays / design.PeriodDays));
            noticePeriods = Math.Max(0, (int)Math.Round(renewal.NoticeDays / design.PeriodDays));
            withdrawal = parameters.Register("compliance.renewal.withdrawalProbability", renewal.WithdrawalProbability);
        }

        // A party's own withdrawal: the listed parties (all parties when none are listed) may leave with notice.
        var partyWithdrawal = -1;
        var partyNotice = 0;
        var mayWithdraw = new bool[actors.Count];
        if (design.Withdrawal is { } exit && design.PeriodDays > 0)
        {
            partyWithdrawal = parameters.Register("compliance.withdrawal.probability", exit.Probability);
            partyNotice = Math.Max(0, (int)Math.Round(exit.NoticeDays / design.PeriodDays));
            foreach (var id in exit.Parties ?? actors.Where((_, a) => isParty[a]).Select(a => a.Id).ToArray())
            {
                var a = Actor(id, design.Position, "compliance withdrawal parties");
                if (a >= 0 && !isParty[a])
                {
                    Error(design.Position, $"compliance withdrawal names '{id}', which is not a party to the agreement; expected a signatory or an obligated actor");
                }
                else if (a >= 0)
                {
                    mayWithdraw[a] = true;
                }
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new InputException(diagnostics);
        }

        return new ComplianceModel(scenario)
        {
            Enabled = true,
            Horizon = design.Horizon,
            PeriodDays = design.PeriodDays,
            RateUnitDays = rateUnit,
            RetaliationPeriods = (int)Math.Round(MechanismDefaults.RetaliationDays / design.PeriodDays),
            EarlyPeriods = (int)Math.Ceiling(MechanismDefaults.EarlyTemptationWindowDays / design.PeriodDays),
            PartyIds = actors.Select(a => a.Id).Concat(spoilers.Select(s => s.Id)).ToArray(),
            StageIds = stages.Select(s => s.Id).ToArray(),
            Response = response,
            DiscountSlot = discount,
            ForgivenessSlot = forgiveness,
            ToleranceSlot = tolerance,
            IsParty = isParty,
            IsSignatory = isSignatory,
            Guarantors = guarantors.Select(g => g.ToArray()).ToArray(),
            Responders = responders,
            TemptationSlot = temptation,
            ProvisionPenaltySlot = provisionPenalty,
            Obligated = obligated,
            ProvisionGate = provisionGate,
            ProvisionStage = provisionStage,
            ProvisionUntilPeriods = provisionUntil,
            PartialGainSlot = partialGain,
            PartialDetectionSlot = partialDetection,
            PartyWithdrawalSlot = partyWithdrawal,
            PartyNoticePeriods = partyNotice,
            MayWithdraw = mayWithdraw,
            ObligationProvision = obligationProvision.ToArray(),
            ObligationActor = obligationActor.ToArray(),
            DetectionSlot = detection,
            FalseAlarmSlot = falseAlarm,
            MechanismPenaltySlot = mechanismPenalty,
            MechanismStage = mechanismStage,
            MechanismGate = mechanismGate,
            MechanismUntilPeriods = mechanismUntil,
            AttackSlot = attack,
            MisattributionSlot = misattribution,
            BlamedOn = blamedOn,
            StageAfterPeriods = stageAfter,
            RewardSlot = reward,
            RenewalPeriods = renewalPeriods,
            NoticePeriods = noticePeriods,
            WithdrawalSlot = withdrawal,
        };
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
