namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>Whose risk exponent an actor uses when it estimates a rival's expected utility of challenging it (docs/model-expected-utility.md, ambiguity A3).</summary>
public enum RivalRisk : byte
{
    /// <summary>The rival's own exponent r_j (each actor's utility is its own).</summary>
    Rival,

    /// <summary>The perceiving actor's exponent r_i (every utility seen from i's point of view).</summary>
    Perceiver,
}

/// <summary>Which of several offers an actor takes (ambiguity A4).</summary>
public enum OfferChoice : byte
{
    /// <summary>The offer that moves the actor least, whatever its kind.</summary>
    LeastMovement,

    /// <summary>A lost conflict before a compromise before a capitulation; the least movement within the kind.</summary>
    ByKind,

    /// <summary>As <see cref="ByKind"/>, but among compromises the one whose |EU|-weighted mean of the two positions is lowest (Scholz et al.'s code, as read by its Python port).</summary>
    ByKindLowestCompromise,
}

/// <summary>What the votes for x_i over x_j are divided by in the probability of winning (ambiguity A2).</summary>
public enum ProbabilityNorm : byte
{
    /// <summary>The absolute votes of every actor on this one contest (Bueno de Mesquita 1994): P_ij + P_ji = 1.</summary>
    Contest,

    /// <summary>The absolute votes of every actor on every pair of held positions (Scholz et al.'s published code, as read by its Python port).</summary>
    AllPairs,
}

/// <summary>
/// The constants of the expected-utility model and the reading of its ambiguities. The defaults are the reading that
/// reproduces Scholz, Calbert &amp; Smith's (2011) published EC emission-standards medians (docs/model-expected-utility.md §8).
/// </summary>
/// <param name="Q">Probability that, without a challenge, the status quo holds (1: U^b and U^w drop out).</param>
/// <param name="T">Probability that, if it does not hold, things get better for the challenger.</param>
/// <param name="MaxRounds">Rounds played at most.</param>
/// <param name="Tolerance">Positions have settled when no actor moves more than this share of the range in a round.</param>
/// <param name="RivalRisk">Whose risk exponent an actor uses for a rival's expected utility (A3).</param>
/// <param name="Choice">Which offer an actor takes among several (A4).</param>
/// <param name="Norm">What the votes are divided by in the win probability (A2).</param>
/// <param name="RiskInVotes">Whether the votes behind the win probabilities use each voter's risk exponent once it is known (A5).</param>
public sealed record ExpectedUtilitySettings(
    double Q = 1.0,
    double T = 1.0,
    int MaxRounds = 8,
    double Tolerance = 1e-6,
    RivalRisk RivalRisk = RivalRisk.Perceiver,
    OfferChoice Choice = OfferChoice.ByKindLowestCompromise,
    ProbabilityNorm Norm = ProbabilityNorm.AllPairs,
    bool RiskInVotes = true)
{
    public static ExpectedUtilitySettings Default { get; } = new();
}

/// <summary>
/// Plays the expected-utility model on one issue: rounds of votes, win probabilities, risk exponents, challenges and
/// moves until positions settle. Holds the buffers for up to <see cref="Capacity"/> actors, allocated once; a game
/// allocates nothing. Not thread-safe: one per worker.
/// </summary>
public sealed class ExpectedUtilityGame
{
    private readonly double[] _risk;
    private readonly double[] _value;      // [i * n + j]: EU_i(i challenges j)
    private readonly double[] _probability; // [i * n + j]: P_ij
    private readonly double[] _distance;    // [k * n + a]: (|x_k − x_a| / range)^r_k
    private readonly double[] _success;     // [i * n + j]: U^s_ij with r_i (= U^s of j against i as i sees it)
    private readonly double[] _failure;     // [i * n + j]: U^f_ij with r_i
    private readonly double[] _exposure;
    private readonly double[] _next;
    private readonly double[] _path;       // [round * n + i]
    private readonly double[] _medians;
    private readonly OfferKind[] _moves;   // [round * n + i]: what moved actor i in that round

    public ExpectedUtilityGame(int capacity, ExpectedUtilitySettings settings)
    {
        Capacity = capacity;
        Settings = settings;
        _risk = new double[capacity];
        _value = new double[capacity * capacity];
        _probability = new double[capacity * capacity];
        _distance = new double[capacity * capacity];
        _success = new double[capacity * capacity];
        _failure = new double[capacity * capacity];
        _exposure = new double[capacity];
        _next = new double[capacity];
        _path = new double[(settings.MaxRounds + 1) * capacity];
        _medians = new double[settings.MaxRounds + 1];
        _moves = new OfferKind[(settings.MaxRounds + 1) * capacity];
    }

    public int Capacity { get; }

    public ExpectedUtilitySettings Settings { get; }

    /// <summary>Actors in the last game.</summary>
    public int ActorCount { get; private set; }

    /// <summary>Rounds in which somebody moved in the last game (0 when nobody ever did).</summary>
    public int RoundsPlayed { get; private set; }

    /// <summary>Whether the last game settled before <see cref="ExpectedUtilitySettings.MaxRounds"/>.</summary>
    public bool Settled { get; private set; }

    /// <summary>Actor <paramref name="actor"/>'s position after round <paramref name="round"/> (0: the start); settled positions repeat.</summary>
    public double Position(int round, int actor) => _path[round * ActorCount + actor];

    /// <summary>Every actor's position after <paramref name="round"/>.</summary>
    public ReadOnlySpan<double> Positions(int round) => _path.AsSpan(round * ActorCount, ActorCount);

    /// <summary>The median voter position after round <paramref name="round"/> (0: the start).</summary>
    public double Median(int round) => _medians[round];

    /// <summary>The move actor <paramref name="actor"/> made in round <paramref name="round"/> (1-based).</summary>
    public OfferKind Move(int round, int actor) => _moves[round * ActorCount + actor];

    /// <summary>The prediction: the median voter position once positions settle (or after the last round).</summary>
    public double Outcome => _medians[Settings.MaxRounds];

    /// <summary>The risk exponents of the last round played.</summary>
    public ReadOnlySpan<double> Risk => _risk.AsSpan(0, ActorCount);

    /// <summary>Plays the game from the given positions; results are read through <see cref="Position"/> and <see cref="Median(int)"/>.</summary>
    public void Play(ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> start)
    {
        var n = start.Length;
        if (n > Capacity || capability.Length != n || salience.Length != n)
        {
            throw new ArgumentException($"a game holds {Capacity} actors with one capability, salience and position each");
        }

        ActorCount = n;
        start.CopyTo(_path);
        var range = Spread(start);
        _medians[0] = ExpectedUtilityRules.Median(capability, salience, start);
        _moves.AsSpan(0, n).Clear();
        RoundsPlayed = 0;
        Settled = false;
        var maxRounds = Settings.MaxRounds;
        var round = 1;
        for (; round <= maxRounds; round++)
        {
            var positions = _path.AsSpan((round - 1) * n, n);
            var moved = range > 0 && PlayRound(capability, salience, positions, range, round);
            _next.AsSpan(0, n).CopyTo(_path.AsSpan(round * n, n));
            _medians[round] = moved ? ExpectedUtilityRules.Median(capability, salience, _path.AsSpan(round * n, n)) : _medians[round - 1];
            if (!moved)
            {
                Settled = true;
                break;
            }

            RoundsPlayed = round;
        }

        // Settled positions hold for the remaining rounds, so every game's path has the same length.
        for (var later = round + 1; later <= maxRounds; later++)
        {
            _path.AsSpan(round * n, n).CopyTo(_path.AsSpan(later * n, n));
            _moves.AsSpan(later * n, n).Clear();
            _medians[later] = _medians[round];
        }
    }

    /// <summary>One round: risk-neutral values, exposures and risk exponents, values again, then every actor's move into _next.</summary>
    private bool PlayRound(ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> x, double range, int round)
    {
        var n = x.Length;
        var median = ExpectedUtilityRules.Median(capability, salience, x);
        _risk.AsSpan(0, n).Fill(1);
        ComputeProbabilities(capability, salience, x, range);

        ComputeValues(salience, x, median, range);
        for (var k = 0; k < n; k++)
        {
            var exposure = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j != k)
                {
                    exposure += _value[j * n + k];
                }
            }

            _exposure[k] = exposure;
        }

        var max = double.NegativeInfinity;
        var min = double.PositiveInfinity;
        for (var k = 0; k < n; k++)
        {
            max = Math.Max(max, _exposure[k]);
            min = Math.Min(min, _exposure[k]);
        }

        for (var i = 0; i < n; i++)
        {
            _risk[i] = ExpectedUtilityRules.RiskExponent(_exposure[i], max, min);
        }

        if (Settings.RiskInVotes)
        {
            ComputeProbabilities(capability, salience, x, range);
        }

        ComputeValues(salience, x, median, range);
        var moved = false;
        for (var i = 0; i < n; i++)
        {
            _next[i] = ChooseMove(salience, x, median, range, i, out _moves[round * n + i]);
            moved |= Math.Abs(_next[i] - x[i]) > Settings.Tolerance * range;
        }

        return moved;
    }

    /// <summary>
    /// P_ij for every pair (eq. 2 with the chosen normalisation). Each voter's scaled distance to each held position,
    /// (|x_k − x_a|/range)^r_k, is computed once, so the votes v_k(a, b) = c_k·s_k·(d_kb − d_ka) cost no powers.
    /// </summary>
    private void ComputeProbabilities(ReadOnlySpan<double> capability, ReadOnlySpan<double> salience, ReadOnlySpan<double> x, double range)
    {
        var n = x.Length;
        var d = _distance;
        for (var k = 0; k < n; k++)
        {
            var r = _risk[k];
            for (var a = 0; a < n; a++)
            {
                var scaled = Math.Abs(x[k] - x[a]) / range;
                d[k * n + a] = r == 1 ? scaled : Math.Pow(scaled, r);
            }
        }

        var allPairs = 0.0;
        if (Settings.Norm == ProbabilityNorm.AllPairs)
        {
            for (var k = 0; k < n; k++)
            {
                var w = capability[k] * salience[k];
                for (var a = 0; a < n; a++)
                {
                    for (var b = 0; b < n; b++)
                    {
                        allPairs += w * Math.Abs(d[k * n + b] - d[k * n + a]);
                    }
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j || x[i] == x[j])
                {
                    _probability[i * n + j] = 0;
                    continue;
                }

                var forI = 0.0;
                var all = 0.0;
                for (var k = 0; k < n; k++)
                {
                    var v = capability[k] * salience[k] * (d[k * n + j] - d[k * n + i]);
                    forI += Math.Max(0, v);
                    all += Math.Abs(v);
                }

                var norm = Settings.Norm == ProbabilityNorm.AllPairs ? allPairs : all;
                _probability[i * n + j] = norm > 0 ? forI / norm : 0;
            }
        }
    }

    /// <summary>
    /// EU_i(ij) for every pair, with i's exponent. U^s and U^f depend on |x_i − x_j| and r_i only, so they are kept: the value
    /// i perceives for a rival's challenge (A3, perceiver) uses the same two utilities.
    /// </summary>
    private void ComputeValues(ReadOnlySpan<double> salience, ReadOnlySpan<double> x, double median, double range)
    {
        var n = x.Length;
        var (q, t) = (Settings.Q, Settings.T);
        for (var i = 0; i < n; i++)
        {
            var r = _risk[i];
            var statusQuo = q * ExpectedUtilityRules.StatusQuo(r);   // the whole value of not challenging when Q = 1
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                if (i == j)
                {
                    _value[ij] = 0;
                    continue;
                }

                _success[ij] = ExpectedUtilityRules.Success(x[i], x[j], range, r);
                _failure[ij] = ExpectedUtilityRules.Failure(x[i], x[j], range, r);
                var noChallenge = q < 1 ? ExpectedUtilityRules.NoChallenge(x[i], x[j], median, range, r, q, t) : statusQuo;
                _value[ij] = ExpectedUtilityRules.ChallengeValue(_success[ij], _failure[ij], noChallenge, salience[j], _probability[ij]);
            }
        }
    }

    /// <summary>EU_j(ji) as actor i perceives it: j's position, i's salience as the target's, i's exponent (A3).</summary>
    private double PerceivedRivalValue(ReadOnlySpan<double> salience, ReadOnlySpan<double> x, double median, double range, int i, int j)
    {
        var n = x.Length;
        var r = _risk[i];
        var noChallenge = ExpectedUtilityRules.NoChallenge(x[j], x[i], median, range, r, Settings.Q, Settings.T);
        return ExpectedUtilityRules.ChallengeValue(_success[i * n + j], _failure[i * n + j], noChallenge, salience[i], _probability[j * n + i]);
    }

    /// <summary>Actor i's new position: the offer it takes among its rivals' (§6), or where it is.</summary>
    private double ChooseMove(ReadOnlySpan<double> salience, ReadOnlySpan<double> x, double median, double range, int i, out OfferKind kind)
    {
        var n = x.Length;
        kind = OfferKind.StatusQuo;
        var best = x[i];
        var bestDistance = double.PositiveInfinity;
        for (var j = 0; j < n; j++)
        {
            if (j == i)
            {
                continue;
            }

            var own = _value[i * n + j];
            var rival = Settings.RivalRisk == RivalRisk.Rival
                ? _value[j * n + i]
                : PerceivedRivalValue(salience, x, median, range, i, j);
            var offer = ExpectedUtilityRules.Classify(own, rival, x[i], x[j], out var to);
            if (offer == OfferKind.StatusQuo)
            {
                continue;
            }

            var distance = Settings.Choice == OfferChoice.ByKindLowestCompromise && offer == OfferKind.Compromise
                ? (Math.Abs(own) * x[i] + Math.Abs(rival) * x[j]) / (Math.Abs(own) + Math.Abs(rival))
                : Math.Abs(to - x[i]);
            if (Settings.Choice != OfferChoice.LeastMovement && kind != OfferKind.StatusQuo && offer != kind)
            {
                if (offer > kind)
                {
                    continue;   // an offer of a later kind never displaces an earlier one
                }

                bestDistance = double.PositiveInfinity;
            }

            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = to;
                kind = offer;
            }
        }

        return best;
    }

    private static double Spread(ReadOnlySpan<double> x)
    {
        var max = double.NegativeInfinity;
        var min = double.PositiveInfinity;
        foreach (var v in x)
        {
            max = Math.Max(max, v);
            min = Math.Min(min, v);
        }

        return max - min;
    }
}
