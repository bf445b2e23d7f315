using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Compliance;

/// <summary>
/// Simulates the life of a signed agreement in continuous time, discretised into periods: spoiler attacks,
/// violations (each obligated party takes an opportunity to violate when its gain exceeds the expected response),
/// detection and false alarms, the other parties' responses, staged and lapsing terms, renewals. Every rate is per
/// day; within a period the state is held fixed and the number of events is drawn from the Poisson law of the
/// period's rates, so results depend on the period length only through that discretisation.
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
        var withdrawn = 0;

        // Stages due at signature (afterDays 0) run from period 1.
        for (var s = 0; s < model.StageCount; s++)
        {
            if (model.StageAfterPeriods[s] == 0)
            {
                stages |= Reach(model, p, ws, s);
                observer?.StageReached(1, s);
            }
        }

        UpdateTerms(model, p, ws, 1);
        for (var t = 1; t <= model.Horizon; t++)
        {
            observer?.PeriodStarted(t);
            if (ws.Dirty)
            {
                Refresh(model, p, ws, t);
            }
            else if (t <= model.EarlyPeriods + 1)
            {
                Schedule(model, ws, t); // the early excess of temptation changes from period to period (and is dropped after)
            }

            // Spoilers strike first: an attack blamed on a party looks to the others like its violation.
            for (var s = 0; s < model.SpoilerCount; s++)
            {
                var attacks = Poisson(ref rng, ws.AttackMean[s], ws.AttackNone[s]);
                for (var e = 0; e < attacks; e++)
                {
                    var misattributed = rng.Chance(ws.Misattribution[s]);
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
                        if (ws.Left[blamed])
                        {
                            continue;
                        }

                        if (Seen(model, ws, t, blamed, CollapseCause.Spoiler, ws.MechanismPenalty, observer) is var cause and not CollapseCause.None)
                        {
                            return End(new(t - 1, cause, firstViolator, stages, withdrawn), observer);
                        }
                    }
                }
            }

            // Each obligation: its violations (taken opportunities) and false alarms this period.
            for (var o = 0; o < model.ObligationCount; o++)
            {
                var j = model.ObligationProvision[o];
                var i = model.ObligationActor[o];
                if (!ws.ProvisionInForce[j] || ws.RetaliateUntil[i] >= t || ws.Left[i])
                {
                    continue; // not (yet, or any longer) in force; or retaliating: its suspension is sanctioned, not a choice
                }

                if (ws.Dirty)
                {
                    Refresh(model, p, ws, t);
                }

                var events = Poisson(ref rng, ws.EventMean[o], ws.EventNone[o]);
                for (var e = 0; e < events; e++)
                {
                    var penalty = p[model.ProvisionPenaltySlot[j]] + ws.MechanismPenalty;
                    var kind = rng.NextDouble();
                    var full = kind < ws.ViolationShare[o];
                    if (full || kind < ws.ViolationShare[o] + ws.PartialShare[o])
                    {
                        // A violation, full or partial (a smaller gain at a share η of the detection and of the cost).
                        var share = full ? 1 : ws.PartialDetection[o];
                        observer?.Violation(t, j, i, GainTaken(ws, o, full), share * ws.Cost[o]);
                        if (!rng.Chance(share * ws.Detection))
                        {
                            continue;
                        }

                        if (firstViolator < 0)
                        {
                            firstViolator = i;
                        }

                        if (Seen(model, ws, t, i, CollapseCause.Violation, penalty, observer) is var cause and not CollapseCause.None)
                        {
                            return End(new(t - 1, cause, firstViolator, stages, withdrawn), observer);
                        }
                    }
                    else if (Seen(model, ws, t, i, CollapseCause.FalseAlarm, penalty, observer) is var cause and not CollapseCause.None)
                    {
                        return End(new(t - 1, cause, firstViolator, stages, withdrawn), observer);
                    }
                }
            }

            // Tit-for-tat retaliations resolved this period: forgive, or abandon the agreement.
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
                return End(new(t - 1, ws.RetaliationCause[k], firstViolator, stages, withdrawn), observer);
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
                return End(new(t, CollapseCause.Withdrawal, firstViolator, stages, withdrawn), observer);
            }

            // A party's own withdrawal: notice, then it leaves and the others go on while two parties remain.
            if (model.PartyWithdrawalSlot >= 0)
            {
                for (var a = 0; a < model.ActorCount; a++)
                {
                    if (!model.MayWithdraw[a] || ws.Left[a])
                    {
                        continue;
                    }

                    if (ws.NoticeEnds[a] == 0 && rng.Chance(ws.WithdrawalChance))
                    {
                        ws.NoticeEnds[a] = t + model.PartyNoticePeriods;
                        observer?.PartyWithdrawalNotice(t, a, ws.NoticeEnds[a]);
                    }

                    if (ws.NoticeEnds[a] == t)
                    {
                        ws.Left[a] = true;
                        ws.Dirty = true;
                        withdrawn |= 1 << Math.Min(a, 30);
                        if (!TwoPartiesRemain(model, ws))
                        {
                            return End(new(t, CollapseCause.Withdrawal, firstViolator, stages, withdrawn), observer);
                        }
                    }
                }
            }

            // Stages whose waiting time has now been held start next period; sunset terms lapse.
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

            if (changed || LapsesAfter(model, t))
            {
                if (UpdateTerms(model, p, ws, t + 1) && t < model.Horizon)
                {
                    return End(new(t, CollapseCause.Expiry, firstViolator, stages, withdrawn), observer);
                }
            }
        }

        return End(new(model.Horizon, CollapseCause.None, firstViolator, stages, withdrawn), observer);
    }

    /// <summary>True while at least two of the agreement's parties have not withdrawn.</summary>
    private static bool TwoPartiesRemain(ComplianceModel model, ComplianceWorkspace ws)
    {
        var remaining = 0;
        for (var a = 0; a < model.ActorCount; a++)
        {
            if (model.IsParty[a] && !ws.Left[a] && ++remaining >= 2)
            {
                return true;
            }
        }

        return false;
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
            ws.Left[a] = false;
            ws.NoticeEnds[a] = 0;
        }

        ws.WithdrawalChance = model.PartyWithdrawalSlot < 0
            ? 0
            : MechanismDefaults.Restate(p[model.PartyWithdrawalSlot], model.RateUnitDays, model.PeriodDays);

        Array.Clear(ws.CountByKind);
        for (var j = 0; j < model.ProvisionCount; j++)
        {
            ws.ProvisionApplies[j] = Applies(model.ProvisionGate[j], package, model);
        }

        for (var m = 0; m < model.MechanismCount; m++)
        {
            ws.MechanismApplies[m] = Applies(model.MechanismGate[m], package, model);
        }

        Array.Clear(ws.StageReached);
        ws.Dirty = true;
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

    /// <summary>True when some provision or mechanism has its last period at <paramref name="t"/>.</summary>
    private static bool LapsesAfter(ComplianceModel model, int t)
    {
        foreach (var until in model.ProvisionUntilPeriods)
        {
            if (until == t)
            {
                return true;
            }
        }

        foreach (var until in model.MechanismUntilPeriods)
        {
            if (until == t)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The terms in force in period <paramref name="t"/>: provisions (selected by the package, started, not lapsed)
    /// and the monitoring they are under. Detections combine as independent monitors over the baseline; false alarms
    /// follow <see cref="ComplianceRules.FalseAlarmHazard"/>; a monitor in force recognises a spoiler's attack with its
    /// detection probability; penalties add up. Returns true when the agreement has expired: it had provisions and
    /// every one of them has lapsed.
    /// </summary>
    private static bool UpdateTerms(ComplianceModel model, ReadOnlySpan<double> p, ComplianceWorkspace ws, int t)
    {
        var anyLapsed = false;
        var anyLeft = false;
        for (var j = 0; j < model.ProvisionCount; j++)
        {
            var stage = model.ProvisionStage[j];
            var until = model.ProvisionUntilPeriods[j];
            var lapsed = until > 0 && t > until;
            ws.ProvisionInForce[j] = ws.ProvisionApplies[j] && !lapsed && (stage < 0 || ws.StageReached[stage]);
            anyLapsed |= lapsed && ws.ProvisionApplies[j];
            anyLeft |= ws.ProvisionApplies[j] && !lapsed;
        }

        var unit = model.RateUnitDays;
        var detection = MechanismDefaults.BaselineDetection;
        var monitorsSee = 0.0;                 // 1 − Π (1 − d) over monitoring mechanisms
        var bestMonitor = double.PositiveInfinity;
        var others = 0.0;
        var penalty = 0.0;
        for (var m = 0; m < model.MechanismCount; m++)
        {
            var stage = model.MechanismStage[m];
            var until = model.MechanismUntilPeriods[m];
            if (!ws.MechanismApplies[m] || (stage >= 0 && !ws.StageReached[stage]) || (until > 0 && t > until))
            {
                continue;
            }

            var d = Math.Clamp(p[model.DetectionSlot[m]], 0, 1);
            var f = MechanismDefaults.HazardPerDay(Math.Clamp(p[model.FalseAlarmSlot[m]], 0, 1), unit);
            detection = ComplianceRules.EitherOf(detection, d);
            if (d > 0)
            {
                monitorsSee = ComplianceRules.EitherOf(monitorsSee, d);
                bestMonitor = Math.Min(bestMonitor, f);
            }
            else
            {
                others += f;
            }

            penalty += Math.Max(0, p[model.MechanismPenaltySlot[m]]);
        }

        ws.Detection = detection;
        ws.MonitorsSee = monitorsSee;
        ws.FalseAlarmHazard = ComplianceRules.FalseAlarmHazard(
            !double.IsPositiveInfinity(bestMonitor), bestMonitor, others,
            MechanismDefaults.HazardPerDay(MechanismDefaults.BaselineFalseAlarm, MechanismDefaults.CalibrationUnitDays));
        ws.MechanismPenalty = penalty;
        ws.Dirty = true;
        return anyLapsed && !anyLeft;
    }

    /// <summary>
    /// Recomputes every obligation's expected cost of violating, its violation and false-alarm rates and the
    /// Poisson means of period <paramref name="t"/>, and the spoilers' (after anything that changes them: a sighting, a
    /// stage, a lapse; and every period while the temptation carries its early excess).
    /// </summary>
    private static void Refresh(ComplianceModel model, ReadOnlySpan<double> p, ComplianceWorkspace ws, int t)
    {
        ws.Dirty = false;
        var unit = model.RateUnitDays;
        var period = model.PeriodDays;
        for (var o = 0; o < model.ObligationCount; o++)
        {
            var j = model.ObligationProvision[o];
            var i = model.ObligationActor[o];
            if (!ws.ProvisionInForce[j] || ws.Left[i])
            {
                continue; // no events are drawn for it; coming into force (UpdateTerms) marks the rates dirty
            }

            var temptation = Math.Max(0, p[model.TemptationSlot[j]]);
            var cost = ComplianceRules.ExpectedViolationCost(
                ws.Detection, p[model.ProvisionPenaltySlot[j]] + ws.MechanismPenalty, CollapseIfDetected(model, ws, i),
                ws.Discount[i], ws.Surplus[i] + ws.StageReward[i]);

            // Full violation above one threshold of the gain, partial between the two (section 3).
            var gainShare = model.PartialGainSlot[j] < 0 ? 0 : Math.Clamp(p[model.PartialGainSlot[j]], 0, 1);
            var detectionShare = model.PartialDetectionSlot[j] < 0 ? 1 : Math.Clamp(p[model.PartialDetectionSlot[j]], 0, 1);
            (ws.FullAbove[o], ws.PartialAbove[o]) = ComplianceRules.ViolationThresholds(cost, gainShare, detectionShare);
            ws.BaseGain[o] = temptation * MechanismDefaults.OpportunityDays / unit;   // mean gain of one opportunity
            ws.PartialGainShare[o] = gainShare;
            ws.PartialDetection[o] = detectionShare;
            ws.Cost[o] = cost;
        }

        Schedule(model, ws, t);
        for (var s = 0; s < model.SpoilerCount; s++)
        {
            var attack = MechanismDefaults.HazardPerDay(Math.Clamp(p[model.AttackSlot[s]], 0, 1), unit);
            ws.AttackMean[s] = double.IsPositiveInfinity(attack) ? 1e9 : attack * period;
            ws.AttackNone[s] = Math.Exp(-ws.AttackMean[s]);
            ws.Misattribution[s] = Math.Clamp(p[model.MisattributionSlot[s]], 0, 1) * (1 - ws.MonitorsSee);
        }
    }

    /// <summary>
    /// The events of period <paramref name="t"/> for each obligation in force, from the costs and thresholds of the
    /// last <see cref="Refresh"/>: the chances of a full and a partial violation (averaged over the period while the
    /// temptation carries its early excess), the share of each among events, the Poisson mean and e^(−mean). Called
    /// by <see cref="Refresh"/>, and on its own each period while the early excess changes nothing else.
    /// </summary>
    private static void Schedule(ComplianceModel model, ComplianceWorkspace ws, int t)
    {
        var period = model.PeriodDays;
        var early = t <= model.EarlyPeriods;
        var startDay = (t - 1) * period;
        var midFactor = early
            ? ComplianceRules.EarlyTemptationFactor(startDay + period / 2, MechanismDefaults.EarlyTemptationExcess, MechanismDefaults.EarlyTemptationDays)
            : 1;
        for (var o = 0; o < model.ObligationCount; o++)
        {
            if (!ws.ProvisionInForce[model.ObligationProvision[o]] || ws.Left[model.ObligationActor[o]])
            {
                continue;
            }

            var gain = ws.BaseGain[o];
            var full = Chance(gain, ws.FullAbove[o], early, startDay, period);
            var partial = double.IsPositiveInfinity(ws.PartialAbove[o]) ? 0 : Math.Max(0, Chance(gain, ws.PartialAbove[o], early, startDay, period) - full);
            var violations = full / MechanismDefaults.OpportunityDays;
            var partials = partial / MechanismDefaults.OpportunityDays;
            var rate = violations + partials + ws.FalseAlarmHazard;
            ws.Gain[o] = gain * midFactor;
            ws.ViolationShare[o] = rate > 0 ? violations / rate : 0;
            ws.PartialShare[o] = rate > 0 ? partials / rate : 0;
            ws.EventMean[o] = rate * period;
            ws.EventNone[o] = Math.Exp(-ws.EventMean[o]);
        }
    }

    /// <summary>
    /// For the observer only (the normal CDFs are not spent otherwise): the mean gain of a violation taken,
    /// E[g | g &gt; full threshold] for a full one, γ · E[g | partial threshold &lt; g ≤ full threshold] for a partial one.
    /// </summary>
    private static double GainTaken(ComplianceWorkspace ws, int o, bool full) =>
        full
            ? ComplianceRules.GainWhenViolating(ws.Gain[o], ws.FullAbove[o], MechanismDefaults.TemptationNoise)
            : ws.PartialGainShare[o] * ComplianceRules.GainBetween(ws.Gain[o], ws.PartialAbove[o], ws.FullAbove[o], MechanismDefaults.TemptationNoise);

    /// <summary>P(gain &gt; threshold) for one opportunity, averaged over the period while the early excess lasts.</summary>
    private static double Chance(double gain, double threshold, bool early, double startDay, double period) =>
        early
            ? ComplianceRules.PeriodViolationProbability(gain, threshold, MechanismDefaults.TemptationNoise, startDay, period,
                MechanismDefaults.EarlyTemptationExcess, MechanismDefaults.EarlyTemptationDays)
            : ComplianceRules.ViolationProbability(gain, threshold, MechanismDefaults.TemptationNoise);

    /// <summary>
    /// A Poisson count with mean <paramref name="mean"/> by inversion (<paramref name="none"/> = e^(−mean)); means
    /// above 30 are drawn as sums of draws of mean at most 30, so the inversion never underflows.
    /// </summary>
    private static int Poisson(ref Rng rng, double mean, double none)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var count = 0;
        while (mean > 30)
        {
            count += Invert(ref rng, 30, Math.Exp(-30));
            mean -= 30;
            none = Math.Exp(-mean);
            if (count > 100_000)
            {
                return count;
            }
        }

        return count + Invert(ref rng, mean, none);
    }

    private static int Invert(ref Rng rng, double mean, double none)
    {
        var u = rng.NextDouble();
        var k = 0;
        var term = none;
        var sum = none;
        while (u > sum && k < 1000)
        {
            k++;
            term *= mean / k;
            sum += term;
        }

        return k;
    }

    /// <summary>
    /// What actor i expects if its violation is seen: the chance that at least one responder abandons the
    /// agreement, 1 − Π_k (1 − c_k), each c_k by <see cref="ComplianceRules.CollapseIfDetected"/>.
    /// </summary>
    private static double CollapseIfDetected(ComplianceModel model, ComplianceWorkspace ws, int i)
    {
        var countAfter = ws.Count[HeldAgainst(model, ws, i)] + 1;
        var survives = 1.0;
        foreach (var k in model.Responders[i])
        {
            if (ws.Left[k])
            {
                continue;
            }

            survives *= 1 - ComplianceRules.CollapseIfDetected(model.Response[k], ws.Forgiveness[k], ws.Tolerance[k], countAfter);
        }

        return 1 - survives;
    }

    /// <summary>Whose record is held against an offender: its own or, if longer, that of a guarantor answering for it.</summary>
    private static int HeldAgainst(ComplianceModel model, ComplianceWorkspace ws, int offender)
    {
        var held = offender;
        foreach (var g in model.Guarantors[offender])
        {
            if (ws.Count[g] > ws.Count[held])
            {
                held = g;
            }
        }

        return held;
    }

    /// <summary>
    /// What a record of sightings adds up to: the kind (detected violation, false alarm, spoiler) that makes up most
    /// of it, the latest sighting's kind on a tie. A party that quits over its tolerance quits over the record.
    /// </summary>
    private static CollapseCause RecordCause(ComplianceWorkspace ws, int party, CollapseCause latest)
    {
        var best = latest;
        var bestCount = ws.CountByKind[party * 3 + (int)latest - 1];
        for (var kind = CollapseCause.Violation; kind <= CollapseCause.Spoiler; kind++)
        {
            var count = ws.CountByKind[party * 3 + (int)kind - 1];
            if (count > bestCount)
            {
                best = kind;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>
    /// The others see actor o violate (really, by false alarm, or by a spoiler's misattributed attack): o and its
    /// guarantors pay the penalty and have it counted against them; each responder answers by its rule.
    /// Returns the cause when the agreement collapses now, else <see cref="CollapseCause.None"/>.
    /// </summary>
    private static CollapseCause Seen(ComplianceModel model, ComplianceWorkspace ws, int t, int o, CollapseCause kind, double penalty, IComplianceObserver? observer)
    {
        observer?.Detected(t, o, kind);
        ws.Dirty = true;
        ws.Count[o]++;
        ws.CountByKind[o * 3 + (int)kind - 1]++;
        ws.PenaltiesPaid[o] += penalty;
        observer?.Penalty(t, o, penalty, false);
        foreach (var g in model.Guarantors[o])
        {
            ws.Count[g]++;
            ws.CountByKind[g * 3 + (int)kind - 1]++;
            ws.PenaltiesPaid[g] += penalty;
            observer?.Penalty(t, g, penalty, true);
        }

        var heldBy = HeldAgainst(model, ws, o);
        var held = ws.Count[heldBy];
        foreach (var k in model.Responders[o])
        {
            if (ws.Left[k])
            {
                continue; // gone: it no longer answers
            }

            switch (model.Response[k])
            {
                case ResponseKind.GrimTrigger:
                    observer?.Response(t, k, o, ResponseAction.Collapse);
                    return kind;
                case ResponseKind.ForgivingTitForTat:
                    if (ws.RetaliateUntil[k] == 0)
                    {
                        ws.RetaliateUntil[k] = t + model.RetaliationPeriods;
                        ws.RetaliationCause[k] = kind;
                        observer?.Response(t, k, o, ResponseAction.Retaliate);
                    }

                    break;
                default:
                    if (held > ws.Tolerance[k])
                    {
                        observer?.Response(t, k, o, ResponseAction.Collapse);
                        return RecordCause(ws, heldBy, kind);
                    }

                    observer?.Response(t, k, o, ResponseAction.Tolerate);
                    break;
            }
        }

        return CollapseCause.None;
    }
}
