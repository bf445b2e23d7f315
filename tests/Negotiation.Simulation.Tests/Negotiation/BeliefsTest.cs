using Negotiation.Core.Model;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.Tests.Negotiation;

/// <summary>Private information (docs/model.md §3.3 and §5.4): beliefs, learning, openings with an author, the end of talks.</summary>
public class BeliefsTest
{
    [Fact]
    public void Committed_RaisesTheAuthorsReservation_ToWhereTheAudienceCostEatsTheGain()
    {
        // r = 0.2, κ = 1, U(x⁰) = 0.9: r' = (0.2 + 0.9) / 2 = 0.55; at U = 0.55 the payoff 0.55 − 1·(0.9 − 0.55) = 0.2 = r.
        Assert.Equal(0.55, NegotiationSimulator.Committed(1, 0.9, 0.2), 12);
        // κ = 0.5: (0.2 + 0.45) / 1.5 = 0.4333…
        Assert.Equal(0.65 / 1.5, NegotiationSimulator.Committed(0.5, 0.9, 0.2), 12);
        // No cost, or an opening below the reservation value: unchanged.
        Assert.Equal(0.2, NegotiationSimulator.Committed(0, 0.9, 0.2));
        Assert.Equal(0.2, NegotiationSimulator.Committed(1, 0.1, 0.2));
    }

    [Fact]
    public void ExpectedRounds_IsTheDeadline_WhenItIsCertainAndThereIsNoHazard()
    {
        Assert.Equal(10.0, NegotiationSimulator.ExpectedRounds(10, 10, 0));
        // Last round uniform on {8, 9, 10}: rounds 1-8 always held, 9 with chance 2/3, 10 with 1/3: 8 + 1 = 9.
        Assert.Equal(9.0, NegotiationSimulator.ExpectedRounds(8, 10, 0), 12);
        // Hazard 0.1, deadline 3: 1 + 0.9 + 0.81 = 2.71.
        Assert.Equal(2.71, NegotiationSimulator.ExpectedRounds(3, 3, 0.1), 12);
    }

    [Fact]
    public void Logistic_IsOneHalfAtZero_AndSymmetric()
    {
        Assert.Equal(0.5, Beliefs.Logistic(0));
        Assert.Equal(1, Beliefs.Logistic(2) + Beliefs.Logistic(-2), 14);
        Assert.Equal(1 / (1 + Math.Exp(-1)), Beliefs.Logistic(1), 15);
    }

    /// <summary>
    /// One-sided uncertainty about the responder's reservation value, worked by hand.
    ///
    /// Issue x in [0, 100]: the author A wants 100 (U_A = x/100), the responder B wants 0 (U_B = 1 − x/100).
    /// A: reservation 0 (known), audience cost κ = 1, start 0 (aspiration = its reservation value), does not propose.
    /// B: outside option, reservation r_B ~ uniform(0.3, 0.9) (private), start 0 (aspiration = r_B), the only proposer,
    /// no delay cost. The talks open with A's text x⁰, then B proposes; deadline 3.
    ///
    /// A's committed reservation is r'_A = (0 + 1·U_A(x⁰)) / 2. B knows it (A's reservation is a point mass), so B stays
    /// iff a deal it prefers exists: 1 − r'_A ≥ r_B. If B stays and rejects the opening, it proposes the best package
    /// for itself that A accepts, x = 100·r'_A, which A accepts; A's payoff there is r'_A − (U_A(x⁰) − r'_A) = 0.
    ///
    /// Demanding opening x⁰ = 90: r'_A = 0.45. B stays iff r_B ≤ 0.55; U_B(x⁰) = 0.1 &lt; r_B, so the opening is always
    /// rejected. P(agreement) = (0.55 − 0.3) / 0.6 = 5/12 = 0.41667; A's expected utility = 0 (0 with or without a deal).
    ///
    /// Soft opening x⁰ = 50: r'_A = 0.25. B stays iff r_B ≤ 0.75. B accepts the opening (U_B = 0.5) iff r_B ≤ 0.5, and A
    /// gets 0.5; for r_B in (0.5, 0.75] it proposes x = 25 and A gets 0. P(agreement) = 0.45 / 0.6 = 0.75;
    /// A's expected utility = 0.5 · (0.2 / 0.6) = 1/6 = 0.16667.
    /// </summary>
    [Theory]
    [InlineData(90.0, 5.0 / 12, 0.0)]
    [InlineData(50.0, 0.75, 1.0 / 6)]
    public void Opening_DemandingDrivesTheResponderOut_SoftKeepsADealPossible(double opening, double agreement, double authorUtility)
    {
        const int runs = 20_000;
        var scenario = OpeningScenario(opening);
        var table = new ParameterTable();
        var model = NegotiationModel.Compile(scenario, table);
        var sampler = new ParameterSampler(table);
        var ws = new NegotiationWorkspace(model);
        var p = new double[sampler.Count];
        var agreed = 0;
        var utility = 0.0;
        var walkedOutInRoundOne = 0;
        for (var run = 0; run < runs; run++)
        {
            sampler.Sample(11, run, p);
            var result = NegotiationSimulator.Run(model, p, 11, run, ws);
            agreed += result.Agreed ? 1 : 0;
            walkedOutInRoundOne += result is { Cause: BreakdownCause.WalkOut, Round: 1 } ? 1 : 0;
            utility += ws.Utilities[0];

            // Every run by the hand rule: B stays iff r_B ≤ 1 − r'_A.
            var committed = opening / 200;
            Assert.Equal(p[model.ReservationSlot[1]] <= 1 - committed + 1e-9, result.Agreed);
        }

        var rate = (double)agreed / runs;
        var se = Math.Sqrt(agreement * (1 - agreement) / runs);
        Assert.True(Math.Abs(rate - agreement) < 4 * se, $"agreement {rate:0.0000}, expected {agreement:0.0000} ± {4 * se:0.0000}");
        Assert.Equal(runs - agreed, walkedOutInRoundOne);
        // A's payoff is 0.5 w.p. 1/3 (soft) or 0: standard error √(p(1−p))·0.5/√n.
        var utilitySe = 0.5 * Math.Sqrt(1.0 / 3 * 2 / 3 / runs);
        Assert.True(Math.Abs(utility / runs - authorUtility) < 4 * utilitySe + 1e-9,
            $"author's expected utility {utility / runs:0.0000}, expected {authorUtility:0.0000}");
        Assert.True(agreed >= 1000, "too few agreements for the test to mean anything");
    }

    /// <summary>The scenario of <see cref="Opening_DemandingDrivesTheResponderOut_SoftKeepsADealPossible"/>.</summary>
    internal static Scenario OpeningScenario(double opening)
    {
        var issue = Issue.Continuous("x", "X", 0, 100, resolution: 101);
        var author = new Actor("a", "A", 1.0, [new Interest("x", 1.0, null, 100.0)], [], Reservation.Constant(0),
            new StrategySpec(StrategyKind.TimeDependent, 1.0, 0.0), ComplianceTraits.Default) { AudienceCost = 1.0 };
        var responder = new Actor("b", "B", 1.0, [new Interest("x", 1.0, null, 0.0)], [], Reservation.Constant(new UniformDist(0.3, 0.9)),
            new StrategySpec(StrategyKind.OutsideOption, 1.0, 0.0), ComplianceTraits.Default);
        var proposal = new Proposal("open", "Opening", [Term.Number("x", opening)]) { Author = "a" };
        return TestScenarios.Build("opening", [issue], [author, responder],
            new Protocol(ProtocolKind.AlternatingOffers, ["a", "b"], SigningRule.Unanimity, ["b"], 3, 1, Opening: "open"),
            proposals: [proposal]);
    }

    [Theory]
    [InlineData(1UL, 2, 3)]
    [InlineData(2UL, 3, 4)]
    [InlineData(3UL, 4, 5)]
    [InlineData(4UL, 5, 3)]
    [InlineData(5UL, 3, 6)]
    public void PointMassBeliefs_GiveTheCompleteInformationOutcome_RunForRun(ulong seed, int actors, int issues)
    {
        // Reservation values given as plain numbers: every type is the truth, so private information is complete.
        var random = RandomScenarios.Create(seed, actors, issues);
        var fixedReservations = random with
        {
            Actors = random.Actors.Select((a, i) => a with { Reservation = Reservation.Constant(0.2 + 0.1 * i) }).ToArray(),
        };
        var complete = fixedReservations with { Protocol = fixedReservations.Protocol with { Information = InformationKind.Complete } };
        var (privateTable, privateModel) = Compile(fixedReservations);
        var (completeTable, completeModel) = Compile(complete);
        var sampler = new ParameterSampler(privateTable);
        var p = new double[sampler.Count];
        var wsPrivate = new NegotiationWorkspace(privateModel);
        var wsComplete = new NegotiationWorkspace(completeModel);
        Assert.Equal(BeliefLayout.PrivateTypeCount, wsPrivate.Beliefs.TypeCount);
        Assert.Equal(1, wsComplete.Beliefs.TypeCount);
        for (var run = 0; run < 60; run++)
        {
            sampler.Sample(seed, run, p);
            var a = NegotiationSimulator.Run(privateModel, p, seed, run, wsPrivate);
            var b = NegotiationSimulator.Run(completeModel, p, seed, run, wsComplete);
            Assert.Equal(b, a);
            Assert.Equal(wsComplete.Package.ToArray(), wsPrivate.Package.ToArray());
            Assert.Equal(wsComplete.Utilities.ToArray(), wsPrivate.Utilities.ToArray());
        }

        Assert.Equal(completeTable.Count, privateTable.Count);
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    [InlineData(14UL)]
    public void TrueType_KeepsWeight_UnderNearlyNoiseFreeObservations(ulong seed)
    {
        // λ = 10⁻⁴: a type inconsistent with a move by more than ~0.002 loses almost all its weight; the truth, whose
        // every move is consistent with its own rule, keeps a likelihood of at least ½ per move.
        var random = RandomScenarios.Create(seed, 3, 4);
        var scenario = random with
        {
            Actors = random.Actors.Select(a => a with { Reservation = Reservation.Constant(new UniformDist(0.1, 0.7)) }).ToArray(),
            Protocol = random.Protocol with { BeliefNoise = 1e-4 },
        };
        var (table, model) = Compile(scenario);
        var sampler = new ParameterSampler(table);
        var p = new double[sampler.Count];
        var ws = new NegotiationWorkspace(model);
        var layout = model.Beliefs;
        var moved = 0;
        for (var run = 0; run < 100; run++)
        {
            sampler.Sample(seed, run, p);
            NegotiationSimulator.Run(model, p, seed, run, ws);
            for (var set = 0; set < layout.SetCount; set++)
            {
                Assert.True(layout.HoldsTruth[set]);
                var truthWeight = ws.Beliefs.Weight(set, 0);
                Assert.True(truthWeight > 0, $"run {run}: the true type of {scenario.Actors[layout.Observed[set]].Id} lost all weight");
                moved += Math.Abs(truthWeight - 1.0 / ws.Beliefs.TypeCount) > 1e-6 ? 1 : 0;
            }
        }

        Assert.True(moved >= 10, $"beliefs moved in only {moved} set-runs: the test would pass without learning");
    }

    [Theory]
    [InlineData(31UL)]
    [InlineData(32UL)]
    public void ReservationAtLevel_IsTheQuantileAtTheLevelsMidpoint_AfterEveryUpdate(ulong seed)
    {
        // The walk-out test reads levels from a table kept until a set's types or weights change; at the end of each
        // run (after the last Bayes update) the table must still be the (l − ½)/L quantile of the current beliefs.
        var random = RandomScenarios.Create(seed, 3, 4);
        var scenario = random with
        {
            Actors = random.Actors.Select(a => a with
            {
                Strategy = StrategySpec.OutsideOption(0.8),
                Reservation = Reservation.Constant(new UniformDist(0.05, 0.6)),
            }).ToArray(),
        };
        var (table, model) = Compile(scenario);
        var sampler = new ParameterSampler(table);
        var p = new double[sampler.Count];
        var ws = new NegotiationWorkspace(model);
        var distinct = 0;
        for (var run = 0; run < 40; run++)
        {
            sampler.Sample(seed, run, p);
            NegotiationSimulator.Run(model, p, seed, run, ws);
            for (var set = 0; set < model.Beliefs.SetCount; set++)
            {
                for (var level = 1; level <= Beliefs.Levels; level++)
                {
                    var expected = ws.Beliefs.Quantile(set, Beliefs.Measure.Reservation, (level - 0.5) / Beliefs.Levels);
                    Assert.Equal(expected, ws.Beliefs.ReservationAtLevel(set, level));
                }

                distinct += ws.Beliefs.ReservationAtLevel(set, 1) < ws.Beliefs.ReservationAtLevel(set, Beliefs.Levels) ? 1 : 0;
            }
        }

        Assert.True(distinct >= 20, $"levels differed in only {distinct} set-runs: the table would be right by accident");
    }

    [Fact]
    public void Bayes_OnARejection_MovesWeightToTypesWhoseThresholdIsAboveTheOffer()
    {
        // Two observers of B (a, the proposer), B rejects an offer worth 0.5 to it: types with reservation above 0.5
        // gain weight. Hand check of one update with λ = 0.05: types θ = 0.4 and 0.6 (aspiration = reservation, start 0),
        // L(reject | 0.4) = σ((0.4 − 1e-9 − 0.5)/0.05) = σ(−2) = 0.1192, L(reject | 0.6) = σ(2) = 0.8808.
        var layout = TwoTypeBeliefs(out var beliefs);
        var set = layout.SetFor(0, 1);
        beliefs.ObserveAnswer(1, 0.5, accepted: false);
        var low = Beliefs.Logistic((0.4 - 1e-9 - 0.5) / 0.05);
        var high = Beliefs.Logistic((0.6 - 1e-9 - 0.5) / 0.05);
        // Half the types at 0.4 and half at 0.6 (equal prior weights).
        var expectedHigh = high / (low + high);
        var weightHigh = Enumerable.Range(0, beliefs.TypeCount).Where(k => beliefs.TypeReservation(set, k) > 0.5).Sum(k => beliefs.Weight(set, k));
        Assert.Equal(expectedHigh, weightHigh, 12);
        Assert.Equal(0.8808, weightHigh, 4);
    }

    [Fact]
    public void Quantile_IsTheStableSortsQuantile_WhenTypesChangeOrderOrTie()
    {
        // The sort first tries the order of the set's previous sort; these rounds keep it (ascending, repeated),
        // reverse it (it must be given up) and tie types (equal values stay in type order).
        var layout = TwoTypeBeliefs(out var beliefs);
        var set = layout.SetFor(0, 1);
        beliefs.ObserveAnswer(1, 0.5, accepted: false);   // unequal weights
        double[][] rounds =
        [
            [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
            [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8],
            [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1],
            [0.3, 0.3, 0.1, 0.3, 0.2, 0.2, 0.9, 0.1],
            [0.3, 0.1, 0.1, 0.3, 0.2, 0.2, 0.9, 0.3],
        ];
        foreach (var values in rounds)
        {
            var rules = new ScriptedTypes(values);
            beliefs.AdvanceTypes(1, firstRound: false, ref rules);
            foreach (var q in new[] { 0, 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1 })
            {
                Assert.Equal(StableSortQuantile(beliefs, set, q), beliefs.Quantile(set, Beliefs.Measure.Reservation, q));
            }

            for (var level = 1; level <= Beliefs.Levels; level++)
            {
                Assert.Equal(StableSortQuantile(beliefs, set, (level - 0.5) / Beliefs.Levels), beliefs.ReservationAtLevel(set, level));
            }
        }

        // Not vacuous: the two halves of the first round's belief are apart.
        Assert.True(beliefs.Quantile(set, Beliefs.Measure.Reservation, 0.9) > beliefs.Quantile(set, Beliefs.Measure.Reservation, 0.1));
    }

    /// <summary>
    /// The seven drawn types of a belief are seven draws from its prior, whatever the prior's form. Normal, log-normal
    /// and beta priors go through MathNet's samplers; those used to draw from a copy of the stream and leave the stream
    /// where it was, so every type was the same number.
    /// </summary>
    [Theory]
    [MemberData(nameof(Priors))]
    public void Draw_TypesAreDistinctDrawsFromThePrior_ForEveryForm(Uncertain prior)
    {
        var scenario = TestScenarios.Line(StrategySpec.Linear(), StrategySpec.Linear(), reservationB: Reservation.Constant(prior));
        var (_, model) = Compile(scenario);
        var beliefs = new Beliefs(model.Beliefs);
        var set = model.Beliefs.SetFor(0, 1);
        var drawn = new List<double>();
        for (var run = 0; run < 50; run++)
        {
            beliefs.Draw([0, prior.Mean], 3, run);
            var identity = new IdentityTypes();
            beliefs.AdvanceTypes(1, firstRound: true, ref identity);
            var types = Enumerable.Range(1, beliefs.TypeCount - 1).Select(k => beliefs.TypeReservation(set, k)).ToArray();
            Assert.Equal(types.Length, types.Distinct().Count());
            drawn.AddRange(types);
        }

        // 350 draws: their mean within 4 standard errors of the prior's.
        var mean = drawn.Average();
        var sd = Math.Sqrt(drawn.Sum(x => (x - mean) * (x - mean)) / (drawn.Count - 1));
        Assert.True(Math.Abs(mean - prior.Mean) < 4 * sd / Math.Sqrt(drawn.Count), $"mean of the types {mean:0.0000}, prior's {prior.Mean:0.0000}");
    }

    public static TheoryData<Uncertain> Priors => new()
    {
        new UniformDist(0.3, 0.7),
        new PertDist(0.3, 0.4, 0.7),
        new NormalDist(0.5, 0.1),
        new NormalDist(0.5, 0.1, 0.3, 0.7),
        new LogNormalDist(Math.Log(0.5), 0.2),
        new BetaDist(2, 3, 0.2, 0.8),
    };

    /// <summary>A type's reservation value is its base value; its aspiration the same.</summary>
    private readonly struct IdentityTypes : ITypeRules
    {
        public double Reservation(double baseValue) => baseValue;

        public double PreviousAspiration(double reservation, double previous) => reservation;

        public double Aspiration(double reservation, double previous) => reservation;
    }

    /// <summary>The q-quantile of a set's reservation values by the definition: types sorted by value (ties in type order), the first whose cumulative weight reaches q.</summary>
    private static double StableSortQuantile(Beliefs beliefs, int set, double q)
    {
        var order = Enumerable.Range(0, beliefs.TypeCount).OrderBy(k => beliefs.TypeReservation(set, k)).ToArray();
        var cumulative = 0.0;
        foreach (var k in order)
        {
            cumulative += beliefs.Weight(set, k);
            if (cumulative >= q - 1e-12)
            {
                return beliefs.TypeReservation(set, k);
            }
        }

        return beliefs.TypeReservation(set, order[^1]);
    }

    /// <summary>Rules that give type k the reservation value and aspiration <c>values[k]</c>.</summary>
    private struct ScriptedTypes(double[] values) : ITypeRules
    {
        private int _next;

        public double Reservation(double baseValue) => values[_next++];

        public readonly double PreviousAspiration(double reservation, double previous) => reservation;

        public readonly double Aspiration(double reservation, double previous) => reservation;
    }

    /// <summary>A belief set about actor 1 whose types are 0.4 (four) and 0.6 (four), with aspirations at their reservation.</summary>
    private static BeliefLayout TwoTypeBeliefs(out Beliefs beliefs)
    {
        var scenario = TestScenarios.Line(StrategySpec.Linear(), new StrategySpec(StrategyKind.TimeDependent, 1.0, 0.0),
            reservationB: Reservation.Constant(new UniformDist(0.3, 0.7)));
        var (_, model) = Compile(scenario);
        beliefs = new Beliefs(model.Beliefs);
        var set = model.Beliefs.SetFor(0, 1);
        var truth = new double[] { 0, 0.4 };
        beliefs.Draw(truth, 1, 0);
        var rules = new FixedTypes(0.4, 0.6);
        beliefs.AdvanceTypes(1, firstRound: true, ref rules);
        Assert.Equal(8, beliefs.TypeCount);
        return model.Beliefs;
    }

    /// <summary>Rules that make type k's reservation and aspiration 0.4 for the first half of the types, 0.6 for the rest.</summary>
    private struct FixedTypes(double low, double high) : ITypeRules
    {
        private int _next;

        public double Reservation(double baseValue) => _next++ < 4 ? low : high;

        public readonly double PreviousAspiration(double reservation, double previous) => reservation;

        public readonly double Aspiration(double reservation, double previous) => reservation;
    }

    [Fact]
    public void Hazard_EndsTheTalks_AtTheClosedFormRate()
    {
        // No zone of agreement (B's reservation 0.9, A insists on 0.9 of a line where U_A + U_B = 1), nobody walks out:
        // the talks end by the hazard or at the deadline. P(reach the deadline D = 5 without breakdown) = (1 − h)^(D − 1).
        const double h = 0.2;
        const int runs = 20_000;
        var scenario = TestScenarios.Line(StrategySpec.Hardliner(0.9), StrategySpec.Hardliner(0.9), deadline: 5, reservationA: 0.5,
            reservationB: Reservation.Constant(0.9));
        scenario = scenario with { Protocol = scenario.Protocol with { Hazard = h } };
        var (table, model) = Compile(scenario);
        var ws = new NegotiationWorkspace(model);
        var p = table.Means();
        var byDeadline = 0;
        var hazardRounds = new int[6];
        for (var run = 0; run < runs; run++)
        {
            var result = NegotiationSimulator.Run(model, p, 5, run, ws);
            Assert.False(result.Agreed);
            if (result.Cause == BreakdownCause.Deadline)
            {
                byDeadline++;
            }
            else
            {
                Assert.Equal(BreakdownCause.Hazard, result.Cause);
                hazardRounds[result.Round]++;
            }
        }

        var expected = Math.Pow(1 - h, 4); // 0.4096
        var se = Math.Sqrt(expected * (1 - expected) / runs);
        Assert.True(Math.Abs((double)byDeadline / runs - expected) < 4 * se, $"{byDeadline} of {runs} reached the deadline, expected {expected:0.0000}");
        // Breakdown in round 1 (after its offer): h = 0.2.
        var first = (double)hazardRounds[1] / runs;
        Assert.True(Math.Abs(first - h) < 4 * Math.Sqrt(h * (1 - h) / runs), $"round-1 breakdowns {first:0.0000}");
    }

    [Fact]
    public void UncertainDeadline_IsUniformOnItsRange()
    {
        var scenario = TestScenarios.Line(StrategySpec.Hardliner(0.9), StrategySpec.Hardliner(0.9), deadline: 10, reservationA: 0.5,
            reservationB: Reservation.Constant(0.9));
        scenario = scenario with { Protocol = scenario.Protocol with { DeadlineMin = 8 } };
        var (table, model) = Compile(scenario);
        var ws = new NegotiationWorkspace(model);
        var counts = new int[11];
        for (var run = 0; run < 9_000; run++)
        {
            var result = NegotiationSimulator.Run(model, table.Means(), 3, run, ws);
            Assert.Equal(BreakdownCause.Deadline, result.Cause);
            counts[result.Round]++;
        }

        Assert.Equal(0, counts[..8].Sum());
        foreach (var round in new[] { 8, 9, 10 })
        {
            Assert.InRange(counts[round], 3000 - 4 * 45, 3000 + 4 * 45); // binomial(9000, 1/3): sd 44.7
        }
    }

    private static (ParameterTable Table, NegotiationModel Model) Compile(Scenario scenario)
    {
        var table = new ParameterTable();
        return (table, NegotiationModel.Compile(scenario, table));
    }
}
