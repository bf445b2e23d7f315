namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>What an actor does about one rival's challenge (Scholz, Calbert &amp; Smith 2011, §6; docs/model-expected-utility.md §6).</summary>
public enum OfferKind : byte
{
    /// <summary>Neither side expects to gain, or the rival expects less than the actor: the actor stays.</summary>
    StatusQuo,

    /// <summary>Both expect to gain from a challenge and the rival expects more: the actor loses the conflict and moves to the rival.</summary>
    Conflict,

    /// <summary>The actor expects to lose less than the rival expects to gain: it moves part of the way, |EU_i / EU_j| of the distance.</summary>
    Compromise,

    /// <summary>The actor expects to lose at least as much as the rival expects to gain: it moves all the way to the rival.</summary>
    Capitulation,
}

/// <summary>
/// The equations of the expected-utility model over one issue, each a pure function of its inputs. Positions are
/// on any scale; distances are divided by <c>range</c>, the spread of the positions the issue started with.
/// Every formula is written out, with its source, in docs/model-expected-utility.md.
/// </summary>
public static class ExpectedUtilityRules
{
    /// <summary>
    /// Actor k's vote for position <paramref name="xj"/> over <paramref name="xk"/> (§3, eq. 1):
    /// v = c·s·(|x − x_k| − |x − x_j|) / range; positive when the actor is nearer x_j.
    /// </summary>
    public static double Vote(double capability, double salience, double position, double xj, double xk, double range) =>
        capability * salience * (Math.Abs(position - xk) - Math.Abs(position - xj)) / range;

    /// <summary>
    /// Actor k's risk-adjusted vote for x_j over x_k (§4, eq. 2'): c·s·((|x − x_k|/range)^r − (|x − x_j|/range)^r); equals
    /// <see cref="Vote(double, double, double, double, double, double)"/> at r = 1.
    /// </summary>
    public static double Vote(double capability, double salience, double position, double xj, double xk, double range, double r) =>
        r == 1
            ? Vote(capability, salience, position, xj, xk, range)
            : capability * salience * (Math.Pow(Math.Abs(position - xk) / range, r) - Math.Pow(Math.Abs(position - xj) / range, r));

    /// <summary>
    /// The probability that i's position prevails over j's (§4, eq. 2): the votes for x_i over x_j of those who
    /// prefer x_i, divided by the absolute votes of everyone; 0 when the two positions are the same.
    /// </summary>
    public static double WinProbability(
        ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> position, double xi, double xj, double range,
        ReadOnlySpan<double> risk = default)
    {
        var forI = 0.0;
        var all = 0.0;
        for (var k = 0; k < position.Length; k++)
        {
            var v = Vote(capability[k], salience[k], position[k], xi, xj, range, risk.IsEmpty ? 1 : risk[k]);
            if (v > 0)
            {
                forI += v;
            }

            all += Math.Abs(v);
        }

        return all > 0 ? forI / all : 0;
    }

    /// <summary>The votes for x_i over x_j of those who prefer x_i: the numerator of the win probability.</summary>
    public static double VotesFor(
        ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> position, double xi, double xj, double range,
        ReadOnlySpan<double> risk = default)
    {
        var forI = 0.0;
        for (var k = 0; k < position.Length; k++)
        {
            forI += Math.Max(0, Vote(capability[k], salience[k], position[k], xi, xj, range, risk.IsEmpty ? 1 : risk[k]));
        }

        return forI;
    }

    /// <summary>x^r, exact and without a call to <see cref="Math.Pow"/> when r = 1 (every first pass of a round).</summary>
    public static double Power(double x, double r) => r == 1 ? x : Math.Pow(x, r);

    /// <summary>U^s: utility to an actor at <paramref name="x"/> of succeeding against a rival at <paramref name="xj"/> (§2, eq. 3): 2 − 4(½ − ½|x − x_j|/range)^r.</summary>
    public static double Success(double x, double xj, double range, double r) =>
        2 - 4 * Power(0.5 - 0.5 * Math.Abs(x - xj) / range, r);

    /// <summary>U^f: utility of failing against a rival at <paramref name="xj"/> (§2, eq. 4): 2 − 4(½ + ½|x − x_j|/range)^r.</summary>
    public static double Failure(double x, double xj, double range, double r) =>
        2 - 4 * Power(0.5 + 0.5 * Math.Abs(x - xj) / range, r);

    /// <summary>U^sq: utility of the status quo (§2, eq. 5): 2 − 4·½^r.</summary>
    public static double StatusQuo(double r) => 2 - 4 * Power(0.5, r);

    /// <summary>U^b: utility of things getting better without a challenge (§2, eq. 6): 2 − 4(½ − ¼(|x − μ| + |x − x_j|)/range)^r.</summary>
    public static double Better(double x, double xj, double median, double range, double r) =>
        2 - 4 * Power(0.5 - 0.25 * (Math.Abs(x - median) + Math.Abs(x - xj)) / range, r);

    /// <summary>U^w: utility of things getting worse without a challenge (§2, eq. 7): 2 − 4(½ + ¼(|x − μ| + |x − x_j|)/range)^r.</summary>
    public static double Worse(double x, double xj, double median, double range, double r) =>
        2 - 4 * Power(0.5 + 0.25 * (Math.Abs(x - median) + Math.Abs(x - xj)) / range, r);

    /// <summary>
    /// EU_i(i challenges j) (§2, eq. 8): s_j[P·U^s + (1 − P)·U^f] + (1 − s_j)·U^s − Q·U^sq − (1 − Q)[T·U^b + (1 − T)·U^w],
    /// with every utility taken at the challenger's position <paramref name="xi"/> and risk exponent <paramref name="r"/>.
    /// </summary>
    public static double ChallengeValue(
        double xi, double xj, double targetSalience, double winProbability, double median, double range, double r, double q, double t) =>
        ChallengeValue(Success(xi, xj, range, r), Failure(xi, xj, range, r), NoChallenge(xi, xj, median, range, r, q, t), targetSalience, winProbability);

    /// <summary>Eq. 8 from its parts: s_j[P·U^s + (1 − P)·U^f] + (1 − s_j)·U^s minus the value of not challenging.</summary>
    public static double ChallengeValue(double success, double failure, double noChallenge, double targetSalience, double winProbability) =>
        targetSalience * (winProbability * success + (1 - winProbability) * failure) + (1 - targetSalience) * success - noChallenge;

    /// <summary>The value of not challenging: Q·U^sq + (1 − Q)[T·U^b + (1 − T)·U^w].</summary>
    public static double NoChallenge(double xi, double xj, double median, double range, double r, double q, double t)
    {
        var value = q * StatusQuo(r);
        if (q < 1)
        {
            value += (1 - q) * (t * Better(xi, xj, median, range, r) + (1 - t) * Worse(xi, xj, median, range, r));
        }

        return value;
    }

    /// <summary>
    /// Risk exponent from security (§5, eqs. 9–10): R_i = (2·S_i − S_max − S_min)/(S_max − S_min) with S the sum of the
    /// others' expected utilities of challenging an actor, then r_i = (1 − R_i/3)/(1 + R_i/3), in [½, 2];
    /// 1 (risk neutral) when every actor is equally exposed.
    /// </summary>
    public static double RiskExponent(double exposure, double maxExposure, double minExposure)
    {
        if (!(maxExposure > minExposure))
        {
            return 1;
        }

        var risk = (2 * exposure - maxExposure - minExposure) / (maxExposure - minExposure);
        return (1 - risk / 3) / (1 + risk / 3);
    }

    /// <summary>
    /// What an actor at <paramref name="xi"/> does about a rival at <paramref name="xj"/> given its own expected utility of
    /// challenging (<paramref name="own"/>, EU_i(ij)) and what it perceives as the rival's (<paramref name="rival"/>, EU_j(ji)),
    /// and where it would move to (§6, Table 2 of docs/model-expected-utility.md).
    /// </summary>
    public static OfferKind Classify(double own, double rival, double xi, double xj, out double moveTo)
    {
        moveTo = xi;
        if (xi == xj || !(rival > 0))
        {
            return OfferKind.StatusQuo;
        }

        if (own > 0)
        {
            if (rival > own)
            {
                moveTo = xj;
                return OfferKind.Conflict;
            }

            return OfferKind.StatusQuo;
        }

        if (own < 0)
        {
            if (-own < rival)
            {
                moveTo = xi + (xj - xi) * (-own / rival);
                return OfferKind.Compromise;
            }

            moveTo = xj;
            return OfferKind.Capitulation;
        }

        return OfferKind.StatusQuo;
    }

    /// <summary>
    /// The median voter position (§3): the position held by an actor that no other held position beats in a pairwise
    /// vote, V_jk = Σ_i v_i(x_j, x_k) ≥ 0 for every k. On one dimension with these linear votes it always exists (it is the
    /// capability×salience weighted median); should several tie, the smallest position is taken.
    /// </summary>
    public static double Median(ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> position)
    {
        var best = double.NaN;
        var bestWorst = double.NegativeInfinity;
        for (var j = 0; j < position.Length; j++)
        {
            var xj = position[j];
            var worst = double.PositiveInfinity;
            for (var k = 0; k < position.Length; k++)
            {
                var total = 0.0;
                for (var i = 0; i < position.Length; i++)
                {
                    total += Vote(capability[i], salience[i], position[i], xj, position[k], 1);
                }

                worst = Math.Min(worst, total);
            }

            if (worst > bestWorst + 1e-12 || (Math.Abs(worst - bestWorst) <= 1e-12 && xj < best))
            {
                bestWorst = worst;
                best = xj;
            }
        }

        return best;
    }

    /// <summary>The capability×salience weighted mean position: the compromise model (Achen 2006).</summary>
    public static double WeightedMean(ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> position)
    {
        var sum = 0.0;
        var weight = 0.0;
        for (var i = 0; i < position.Length; i++)
        {
            var w = capability[i] * salience[i];
            sum += w * position[i];
            weight += w;
        }

        return weight > 0 ? sum / weight : double.NaN;
    }
}
