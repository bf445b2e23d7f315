using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// Simulates the life of a signed agreement period by period: spoiler attacks, each obligated actor's decision
/// to comply or violate, detection and false alarms, the other parties' responses, stages and renewals.
/// Every rule is in docs/model-compliance.md.
/// </summary>
public static class ComplianceSimulator
{
    /// <summary>
    /// Runs one agreement. Deterministic function of its arguments; draws only from
    /// <c>Rng.For(seed, run, Streams.Compliance)</c>; allocates nothing.
    /// </summary>
    /// <param name="p">The run's parameter vector (one value per <c>ParameterTable</c> slot).</param>
    /// <param name="package">The agreed package: option index (discrete) or value (continuous) per issue; read only by term conditions.</param>
    /// <param name="utilities">Per actor, utility of the agreed package.</param>
    /// <param name="reservations">Per actor, reservation value (the worth of no agreement) at the end of the talks.</param>
    public static ComplianceResult Run(
        ComplianceModel model,
        ReadOnlySpan<double> p,
        ReadOnlySpan<double> package,
        ReadOnlySpan<double> utilities,
        ReadOnlySpan<double> reservations,
        ulong seed,
        long run,
        ComplianceWorkspace workspace,
        IComplianceObserver? observer = null)
    {
        Guard.NotNull(model);
        Guard.NotNull(workspace);
        if (!model.Enabled)
        {
            observer?.Ended(ComplianceResult.NotSimulated);
            return ComplianceResult.NotSimulated;
        }

        if (!ReferenceEquals(workspace.Model, model))
        {
            throw new ArgumentException("the workspace was built for another model", nameof(workspace));
        }

        if (utilities.Length < model.ActorCount || reservations.Length < model.ActorCount)
        {
            throw new ArgumentException($"expected a utility and a reservation value for each of the {model.ActorCount} actors");
        }

        var rng = Rng.For(seed, run, Streams.Compliance);
        Prepare(model, p, package, utilities, reservations, workspace);
        var ws = workspace;
        var firstViolator = -1;
        var stages = 0;
        var noticeEnd = -1;

        // Stages due at signature (afterDays 0) run from period 1.
        for (var s = 0; s < model.StageCount; s++)
        {
            if (model.StageAfterPeriods[s] == 0)
            {
                stages |= Reach(model, p, ws, s);
                observer?.StageReached(1, s);
            }
        }

        UpdateMonitoring(model, p, ws);
        for (var t = 1; t <= model.Horizon; t++)
        {
            observer?.PeriodStarted(t);

            // Spoilers strike first: an attack blamed on a party looks to the others like its violation.
            for (var s = 0; s < model.SpoilerCount; s++)
            {
                if (!rng.Chance(p[model.AttackSlot[s]]))
                {
                    continue;
                }

                var misattributed = rng.Chance(p[model.MisattributionSlot[s]]);
                observer?.SpoilerAttack(t, s, misattributed);
                if (!misattributed)
                {
                    continue;
                }

                if (firstViolator < 0)
                {
                    firstViolator = model.ActorCount + s;
                }

                foreach (var blamed in model.BlamedOn[s])
                {
                    if (Seen(model, ws, t, blamed, CollapseCause.Spoiler, ws.MechanismPenalty, observer))
                    {
                        return End(new(t - 1, CollapseCause.Spoiler, firstViolator, stages), observer);
                    }
                }
            }

            // Each obligated actor weighs each provision it is bound by.
            for (var j = 0; j < model.ProvisionCount; j++)
            {
                if (!ws.ProvisionActive[j])
                {
                    continue;
                }

                var temptation = p[model.TemptationSlot[j]];
                var penalty = p[model.ProvisionPenaltySlot[j]] + ws.MechanismPenalty;
                foreach (var i in model.Obligated[j])
                {
                    if (ws.RetaliateUntil[i] >= t)
                    {
                        continue; // retaliating: its suspension is sanctioned, not a choice to violate
                    }

                    var violates = false;
                    if (temptation > 0)
                    {
                        var cost = ComplianceRules.ExpectedViolationCost(
                            ws.Detection, penalty, CollapseIfDetected(model, ws, i), ws.Discount[i], ws.Surplus[i] + ws.StageReward[i]);
                        var gain = ComplianceRules.NoisyTemptation(temptation, MechanismDefaults.TemptationNoise, NextNormal(ref rng, ws));
                        violates = ComplianceRules.Violates(gain, cost);
                        if (violates)
                        {
                            observer?.Violation(t, j, i, gain, cost);
                        }
                    }

                    if (violates)
                    {
                        if (!rng.Chance(ws.Detection))
                        {
                            continue;
                        }

                        if (firstViolator < 0)
                        {
                            firstViolator = i;
                        }

                        if (Seen(model, ws, t, i, CollapseCause.Violation, penalty, observer))
                        {
                            return End(new(t - 1, CollapseCause.Violation, firstViolator, stages), observer);
                        }
                    }
                    else if (rng.Chance(ws.FalseAlarm) && Seen(model, ws, t, i, CollapseCause.FalseAlarm, penalty, observer))
                    {
                        return End(new(t - 1, CollapseCause.FalseAlarm, firstViolator, stages), observer);
                    }
                }
            }

            // Tit-for-tat retaliations of this period end: forgive, or abandon the agreement.
            for (var k = 0; k < model.ActorCount; k++)
            {
                if (ws.RetaliateUntil[k] != t)
                {
                    continue;
                }

                ws.RetaliateUntil[k] = 0;
                if (rng.Chance(ws.Forgiveness[k]))
                {
                    observer?.Response(t, k, -1, ResponseAction.Forgive);
                    continue;
                }

                observer?.Response(t, k, -1, ResponseAction.Collapse);
                return End(new(t - 1, ws.RetaliationCause[k], firstViolator, stages), observer);
            }

            // Renewal dates: some party may give notice; the agreement ends when the notice runs out.
            if (model.RenewalPeriods > 0 && noticeEnd < 0 && t % model.RenewalPeriods == 0
                && rng.Chance(p[model.WithdrawalSlot]))
            {
                noticeEnd = t + model.NoticePeriods;
                observer?.WithdrawalNotice(t, noticeEnd);
            }

            if (noticeEnd == t)
            {
                return End(new(t, CollapseCause.Withdrawal, firstViolator, stages), observer);
            }

            // Stages whose waiting time has now been held start next period.
            var changed = false;
            for (var s = 0; s < model.StageCount; s++)
            {
                if (!ws.StageReached[s] && model.StageAfterPeriods[s] <= t)
                {
                    stages |= Reach(model, p, ws, s);
                    changed = true;
                    observer?.StageReached(t + 1, s);
                }
            }

            if (changed)
            {
                UpdateMonitoring(model, p, ws);
            }
        }

        return End(new(model.Horizon, CollapseCause.None, firstViolator, stages), observer);
    }

    private static ComplianceResult End(ComplianceResult result, IComplianceObserver? observer)
    {
        observer?.Ended(result);
        return result;
    }

    private static void Prepare(
        ComplianceModel model, ReadOnlySpan<double> p, ReadOnlySpan<double> package,
        ReadOnlySpan<double> utilities, ReadOnlySpan<double> reservations, ComplianceWorkspace ws)
    {
        for (var a = 0; a < model.ActorCount; a++)
        {
            ws.Discount[a] = Math.Clamp(p[model.DiscountSlot[a]], 0, 0.999999);
            ws.Forgiveness[a] = Math.Clamp(p[model.ForgivenessSlot[a]], 0, 1);
            ws.Tolerance[a] = p[model.ToleranceSlot[a]];
            ws.Surplus[a] = Math.Max(0, utilities[a] - reservations[a]);
            ws.StageReward[a] = 0;
            ws.Count[a] = 0;
            ws.RetaliateUntil[a] = 0;
            ws.RetaliationCause[a] = CollapseCause.None;
            ws.PenaltiesPaid[a] = 0;
        }

        for (var j = 0; j < model.ProvisionCount; j++)
        {
            ws.ProvisionActive[j] = Applies(model.ProvisionGate[j], package, model);
        }

        for (var m = 0; m < model.MechanismCount; m++)
        {
            ws.MechanismApplies[m] = Applies(model.MechanismGate[m], package, model);
        }

        Array.Clear(ws.StageReached);
        ws.HasSpareNormal = false;
    }

    private static bool Applies(TermGate? gate, ReadOnlySpan<double> package, ComplianceModel model)
    {
        if (gate is null)
        {
            return true;
        }

        if (package.Length < model.IssueCount)
        {
            throw new ArgumentException($"expected the agreed term of each of the {model.IssueCount} issues", nameof(package));
        }

        return gate.Matches(package);
    }

    /// <summary>Marks stage s reached and pays its reward to signatories from now on; returns its bit.</summary>
    private static int Reach(ComplianceModel model, ReadOnlySpan<double> p, ComplianceWorkspace ws, int s)
    {
        ws.StageReached[s] = true;
        var reward = p[model.RewardSlot[s]];
        for (var a = 0; a < model.ActorCount; a++)
        {
            if (model.IsSignatory[a])
            {
                ws.StageReward[a] += reward;
            }
        }

        return 1 << s;
    }

    /// <summary>
    /// The monitoring in force: detections combine as independent monitors over the baseline; while a monitoring
    /// mechanism (detection &gt; 0) works the parties act on its verified reports, so its false-alarm rate replaces
    /// the baseline rumour rate (<see cref="ComplianceRules.FalseAlarmRate"/>); penalties add up.
    /// </summary>
    private static void UpdateMonitoring(ComplianceModel model, ReadOnlySpan<double> p, ComplianceWorkspace ws)
    {
        var detection = MechanismDefaults.BaselineDetection;
        var monitorsClear = 1.0;   // Π (1 − f) over monitoring mechanisms
        var othersClear = 1.0;     // Π (1 − f) over mechanisms that do not monitor
        var monitoring = false;
        var penalty = 0.0;
        for (var m = 0; m < model.MechanismCount; m++)
        {
            var stage = model.MechanismStage[m];
            if (!ws.MechanismApplies[m] || (stage >= 0 && !ws.StageReached[stage]))
            {
                continue;
            }

            var d = Math.Clamp(p[model.DetectionSlot[m]], 0, 1);
            var f = Math.Clamp(p[model.FalseAlarmSlot[m]], 0, 1);
            detection = ComplianceRules.EitherOf(detection, d);
            if (d > 0)
            {
                monitoring = true;
                monitorsClear *= 1 - f;
            }
            else
            {
                othersClear *= 1 - f;
            }

            penalty += Math.Max(0, p[model.MechanismPenaltySlot[m]]);
        }

        ws.Detection = detection;
        ws.FalseAlarm = ComplianceRules.FalseAlarmRate(monitoring, 1 - monitorsClear, 1 - othersClear);
        ws.MechanismPenalty = penalty;
    }

    /// <summary>
    /// What actor i expects if its violation is seen: the chance that at least one responder abandons the
    /// agreement, 1 − Π_k (1 − c_k), each c_k by <see cref="ComplianceRules.CollapseIfDetected"/>.
    /// </summary>
    private static double CollapseIfDetected(ComplianceModel model, ComplianceWorkspace ws, int i)
    {
        var countAfter = HeldAgainst(model, ws, i) + 1;
        var survives = 1.0;
        foreach (var k in model.Responders[i])
        {
            survives *= 1 - ComplianceRules.CollapseIfDetected(model.Response[k], ws.Forgiveness[k], ws.Tolerance[k], countAfter);
        }

        return 1 - survives;
    }

    /// <summary>Violations held against an offender: its own count or, if higher, that of a guarantor answering for it.</summary>
    private static int HeldAgainst(ComplianceModel model, ComplianceWorkspace ws, int offender)
    {
        var count = ws.Count[offender];
        foreach (var g in model.Guarantors[offender])
        {
            count = Math.Max(count, ws.Count[g]);
        }

        return count;
    }

    /// <summary>
    /// The others see actor o violate (really, by false alarm, or by a spoiler's misattributed attack): o and its
    /// guarantors pay the penalty and have it counted against them; each responder answers by its rule.
    /// Returns true when the agreement collapses now.
    /// </summary>
    private static bool Seen(ComplianceModel model, ComplianceWorkspace ws, int t, int o, CollapseCause kind, double penalty, IComplianceObserver? observer)
    {
        observer?.Detected(t, o, kind);
        ws.Count[o]++;
        ws.PenaltiesPaid[o] += penalty;
        observer?.Penalty(t, o, penalty, false);
        foreach (var g in model.Guarantors[o])
        {
            ws.Count[g]++;
            ws.PenaltiesPaid[g] += penalty;
            observer?.Penalty(t, g, penalty, true);
        }

        var held = HeldAgainst(model, ws, o);
        foreach (var k in model.Responders[o])
        {
            switch (model.Response[k])
            {
                case ResponseKind.GrimTrigger:
                    observer?.Response(t, k, o, ResponseAction.Collapse);
                    return true;
                case ResponseKind.ForgivingTitForTat:
                    if (ws.RetaliateUntil[k] == 0)
                    {
                        ws.RetaliateUntil[k] = t + 1;
                        ws.RetaliationCause[k] = kind;
                        observer?.Response(t, k, o, ResponseAction.Retaliate);
                    }

                    break;
                default:
                    if (held > ws.Tolerance[k])
                    {
                        observer?.Response(t, k, o, ResponseAction.Collapse);
                        return true;
                    }

                    observer?.Response(t, k, o, ResponseAction.Tolerate);
                    break;
            }
        }

        return false;
    }

    /// <summary>A standard normal by Box–Muller (both values used: the second is kept in the workspace).</summary>
    private static double NextNormal(ref Rng rng, ComplianceWorkspace ws)
    {
        if (ws.HasSpareNormal)
        {
            ws.HasSpareNormal = false;
            return ws.SpareNormal;
        }

        var u1 = 1.0 - rng.NextDouble(); // (0, 1]: log is finite
        var u2 = rng.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        ws.SpareNormal = radius * Math.Sin(angle);
        ws.HasSpareNormal = true;
        return radius * Math.Cos(angle);
    }
}
