using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// One run's beliefs (docs/model.md §3.3): for every belief set of the <see cref="BeliefLayout"/>, its types (reservation
/// base values), their weights, and what each type's thresholds are this round. Part of the per-worker workspace:
/// drawn once per run, updated in place, allocates nothing.
/// </summary>
internal sealed class Beliefs
{
    private readonly int _typeCount;
    private readonly double[] _base;
    private readonly double[] _weight;
    private readonly double[] _reservation;
    private readonly double[] _aspiration;
    private readonly double[] _previousAspiration;
    private readonly double[] _priorMean;
    private readonly double[] _sortValue;
    private readonly double[] _sortWeight;
    private readonly int[] _sortIndex;
    private readonly int[] _sortOrder;
    private readonly double[] _levelReservation;
    private readonly bool[] _levelsFresh;
    private readonly RngRandom _random = new(default);
    private BeliefDraws? _shared;
    private int[] _sharedEntry = [];

    /// <summary>
    /// L, the quantile levels of the walk-out test (docs/model.md §5.4): the chance of a deal is read at the
    /// quantiles (l − ½)/L, l = 1 … L, of each belief.
    /// </summary>
    public const int Levels = 8;

    public Beliefs(BeliefLayout layout)
    {
        Layout = layout;
        _typeCount = layout.TypeCount;
        var size = layout.SetCount * _typeCount;
        _base = new double[size];
        _weight = new double[size];
        _reservation = new double[size];
        _aspiration = new double[size];
        _previousAspiration = new double[size];
        _priorMean = new double[layout.SetCount];
        _sortValue = new double[_typeCount];
        _sortWeight = new double[_typeCount];
        _sortIndex = new int[_typeCount];
        _sortOrder = new int[layout.SetCount * MeasureCount * _typeCount];
        for (var i = 0; i < _sortOrder.Length; i++)
        {
            _sortOrder[i] = i % _typeCount;
        }

        _levelReservation = new double[layout.SetCount * Levels];
        _levelsFresh = new bool[layout.SetCount];
    }

    public BeliefLayout Layout { get; }

    public int TypeCount => _typeCount;

    private int At(int set, int type) => set * _typeCount + type;

    /// <summary>The weight of type <paramref name="type"/> in <paramref name="set"/> (the weights of a set sum to 1).</summary>
    public double Weight(int set, int type) => _weight[At(set, type)];

    /// <summary>Type <paramref name="type"/>'s reservation value this round, r_{b,k}(r) (with the opening commitment).</summary>
    public double TypeReservation(int set, int type) => _reservation[At(set, type)];

    /// <summary>
    /// Takes the drawn types of sets that draw like another variant's from <paramref name="draws"/> (one per worker)
    /// instead of drawing them again. Sets whose types are the truth (a fixed prior) are not shared.
    /// </summary>
    public void ShareDraws(BeliefDraws draws)
    {
        var layout = Layout;
        _shared = draws;
        _sharedEntry = new int[layout.SetCount];
        for (var set = 0; set < layout.SetCount; set++)
        {
            _sharedEntry[set] = layout.Prior[set].IsFixed
                ? -1
                : draws.Register(layout.Stream[set], layout.Prior[set], FirstDrawnType(set), _typeCount);
        }
    }

    /// <summary>The first type of a set drawn from its prior: 1 when type 0 is the truth, else 0.</summary>
    private int FirstDrawnType(int set) => Layout.HoldsTruth[set] ? 1 : 0;

    /// <summary>Draws every set's types for a run: a pure function of (seed, run, set); weights equal.</summary>
    public void Draw(ReadOnlySpan<double> truth, ulong seed, long run)
    {
        var layout = Layout;
        var runKey = Rng.RunKey(seed, run);
        var uniform = 1.0 / _typeCount;
        for (var set = 0; set < layout.SetCount; set++)
        {
            var prior = layout.Prior[set];
            var first = FirstDrawnType(set);
            if (layout.HoldsTruth[set])
            {
                _base[At(set, 0)] = truth[layout.Observed[set]];
            }

            var types = _base.AsSpan(At(set, 0), _typeCount);
            var entry = _shared is null ? -1 : _sharedEntry[set];
            if (entry < 0 || !_shared!.TryCopy(entry, seed, run, types))
            {
                var rng = Rng.For(runKey, layout.Stream[set]);
                for (var k = first; k < _typeCount; k++)
                {
                    types[k] = prior.IsFixed ? truth[layout.Observed[set]] : layout.PriorDraw[set].Draw(ref rng, _random);
                }

                if (entry >= 0)
                {
                    _shared!.Keep(entry, seed, run, types);
                }
            }

            var mean = 0.0;
            for (var k = 0; k < _typeCount; k++)
            {
                _weight[At(set, k)] = uniform;
                mean += uniform * _base[At(set, k)];
            }

            _priorMean[set] = mean;
            _levelsFresh[set] = false;
        }
    }

    /// <summary>
    /// This round's reservation value and aspiration of every type of <paramref name="actor"/>, by the rules the actor
    /// itself follows (<paramref name="rules"/>: a base value to this round's reservation value, a type's reservation
    /// and previous aspiration to its aspiration).
    /// </summary>
    public void AdvanceTypes<TRules>(int actor, bool firstRound, ref TRules rules)
        where TRules : struct, ITypeRules
    {
        foreach (var set in Layout.SetsAbout[actor])
        {
            for (var k = 0; k < _typeCount; k++)
            {
                var at = At(set, k);
                var reservation = rules.Reservation(_base[at]);
                _reservation[at] = reservation;
                var previous = rules.PreviousAspiration(reservation, firstRound ? double.NaN : _aspiration[at]);
                _previousAspiration[at] = previous;
                _aspiration[at] = rules.Aspiration(reservation, _aspiration[at]);
            }

            _levelsFresh[set] = false;
        }
    }

    /// <summary>Bayes' rule after <paramref name="actor"/> answered a package worth <paramref name="utility"/> to it.</summary>
    public void ObserveAnswer(int actor, double utility, bool accepted) =>
        Reweigh(actor, utility, Move.Answer, accepted, double.NaN);

    /// <summary>
    /// Bayes' rule after <paramref name="actor"/> proposed a package worth <paramref name="utility"/> to it: a type
    /// offers at least min(A_{b,k}(r), U*_b) (<paramref name="bestUtility"/>).
    /// </summary>
    public void ObserveOffer(int actor, double utility, double bestUtility) =>
        Reweigh(actor, utility, Move.Offer, yes: true, bestUtility);

    /// <summary>Bayes' rule after <paramref name="author"/> published an opening worth <paramref name="utility"/> to it: nobody opens below its own reservation value.</summary>
    public void ObserveOpening(int author, double utility) =>
        Reweigh(author, utility, Move.Opening, yes: true, double.NaN);

    /// <summary>The moves of docs/model.md §3.3's likelihood table, by the bound each type's move is measured against.</summary>
    private enum Move : byte
    {
        /// <summary>An answer: the type's threshold max(r_{b,k}(r), A_{b,k}(r)).</summary>
        Answer,

        /// <summary>An offer: min(A_{b,k}(r), U*_b).</summary>
        Offer,

        /// <summary>An opening: the type's reservation value r_{b,k}(1).</summary>
        Opening,
    }

    /// <summary>
    /// Bayes' rule with the noisy-rational likelihood of docs/model.md §3.3: every set about <paramref name="actor"/>
    /// weighs each type by σ(±(U − bound_k + 10⁻⁹) / λ), + when the move was at or above the bound (<paramref name="yes"/>:
    /// an acceptance, an offer, an opening), − for a rejection, so that P(reject) = 1 − P(accept).
    /// </summary>
    private void Reweigh(int actor, double utility, Move move, bool yes, double bestUtility)
    {
        if (_typeCount == 1)
        {
            return; // a point mass (complete information): w·L / (w·L) = 1, or the weight kept when L underflows
        }

        var noise = Layout.Noise;
        foreach (var set in Layout.SetsAbout[actor])
        {
            var total = 0.0;
            for (var k = 0; k < _typeCount; k++)
            {
                var at = At(set, k);
                var bound = move switch
                {
                    Move.Answer => Math.Max(_reservation[at], _aspiration[at]),
                    Move.Offer => Math.Min(_aspiration[at], bestUtility),
                    _ => _reservation[at],
                };
                var margin = utility - bound + NegotiationSimulator.Tolerance;
                _sortWeight[k] = _weight[at] * Logistic((yes ? margin : -margin) / noise);
                total += _sortWeight[k];
            }

            Normalise(set, total);
        }
    }

    /// <summary>The likelihood-weighted weights in <c>_sortWeight</c> become the set's weights (kept when all underflow).</summary>
    private void Normalise(int set, double total)
    {
        if (!(total > 0) || !double.IsFinite(total))
        {
            return;
        }

        for (var k = 0; k < _typeCount; k++)
        {
            _weight[At(set, k)] = _sortWeight[k] / total;
        }

        _levelsFresh[set] = false;
    }

    /// <summary>σ(z) = 1 / (1 + e^(−z)).</summary>
    internal static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>The number of <see cref="Measure"/>s.</summary>
    private const int MeasureCount = 3;

    /// <summary>Which of a type's numbers a quantile or a probability is taken of.</summary>
    public enum Measure : byte
    {
        /// <summary>r_{b,k}(r): the reservation value (the walk-out test).</summary>
        Reservation,

        /// <summary>max(A_{b,k}(r − 1), r_{b,k}(r)): the lagged threshold (the proposer's search).</summary>
        LaggedThreshold,

        /// <summary>max(A_{b,k}(r), r_{b,k}(r)): the threshold this round (the proposer's search in the last possible round).</summary>
        Threshold,
    }

    private double Value(int at, Measure measure) => measure switch
    {
        Measure.Reservation => _reservation[at],
        Measure.LaggedThreshold => Math.Max(_previousAspiration[at], _reservation[at]),
        _ => Math.Max(_aspiration[at], _reservation[at]),
    };

    /// <summary>
    /// The weighted <paramref name="q"/>-quantile of <paramref name="measure"/> over a set's types: the smallest value whose
    /// cumulative weight reaches q (q ≤ 0: the smallest value).
    /// </summary>
    public double Quantile(int set, Measure measure, double q) => SortedQuantile(SortTypes(set, measure), q);

    /// <summary>
    /// The reservation value at level <paramref name="level"/> (1 … <see cref="Levels"/>) of a set's belief: its
    /// (level − ½)/L-quantile (<see cref="Quantile"/>). The walk-out test reads the same levels of the same beliefs many
    /// times in a round, so the levels of a set are computed from one sort and kept until its types or weights change.
    /// </summary>
    public double ReservationAtLevel(int set, int level)
    {
        if (!_levelsFresh[set])
        {
            var count = SortTypes(set, Measure.Reservation);
            for (var l = 1; l <= Levels; l++)
            {
                _levelReservation[set * Levels + l - 1] = SortedQuantile(count, LevelQuantile(l, Levels));
            }

            _levelsFresh[set] = true;
        }

        return _levelReservation[set * Levels + level - 1];
    }

    /// <summary>The quantile (l − ½)/L of level <paramref name="level"/> of <paramref name="levels"/>.</summary>
    private static double LevelQuantile(int level, int levels) => (level - 0.5) / levels;

    /// <summary>Two weighted quantiles of one set (<see cref="Quantile"/>), sorting its types once.</summary>
    public void Quantiles(int set, Measure measure, double first, double second, out double atFirst, out double atSecond)
    {
        var count = SortTypes(set, measure);
        atFirst = SortedQuantile(count, first);
        atSecond = SortedQuantile(count, second);
    }

    /// <summary>The q-quantile of the types in the sort buffers: the smallest value whose cumulative weight reaches q.</summary>
    private double SortedQuantile(int count, double q)
    {
        var cumulative = 0.0;
        for (var i = 0; i < count; i++)
        {
            cumulative += _sortWeight[i];
            if (cumulative >= q - 1e-12)
            {
                return _sortValue[i];
            }
        }

        return _sortValue[count - 1];
    }

    /// <summary>
    /// Type values of a set, ascending, with their weights, in the sort buffers; equal values keep the types' order
    /// (a stable sort, whose result is unique). Types move little between rounds, so the order of the set's previous
    /// sort by the same measure is tried first and kept when it is still sorted; otherwise an insertion sort (K is small).
    /// </summary>
    private int SortTypes(int set, Measure measure)
    {
        var order = _sortOrder.AsSpan((set * MeasureCount + (int)measure) * _typeCount, _typeCount);
        if (TryPreviousOrder(set, measure, order))
        {
            return _typeCount;
        }

        for (var k = 0; k < _typeCount; k++)
        {
            var at = At(set, k);
            var value = Value(at, measure);
            var weight = _weight[at];
            var i = k;
            while (i > 0 && _sortValue[i - 1] > value)
            {
                _sortValue[i] = _sortValue[i - 1];
                _sortWeight[i] = _sortWeight[i - 1];
                _sortIndex[i] = _sortIndex[i - 1];
                i--;
            }

            _sortValue[i] = value;
            _sortWeight[i] = weight;
            _sortIndex[i] = k;
        }

        _sortIndex.AsSpan(0, _typeCount).CopyTo(order);
        return _typeCount;
    }

    /// <summary>
    /// Fills the sort buffers in <paramref name="order"/> when that is the stable ascending order of the types' values
    /// (each value at least the one before, equal values in type order, none NaN): then it is what the insertion sort
    /// gives. False, with the buffers partly written, otherwise.
    /// </summary>
    private bool TryPreviousOrder(int set, Measure measure, ReadOnlySpan<int> order)
    {
        var previousValue = double.NegativeInfinity;
        var previousType = -1;
        for (var i = 0; i < order.Length; i++)
        {
            var k = order[i];
            var at = At(set, k);
            var value = Value(at, measure);
            if (double.IsNaN(value) || value < previousValue || (value == previousValue && k < previousType))
            {
                return false;
            }

            _sortValue[i] = value;
            _sortWeight[i] = _weight[at];
            previousValue = value;
            previousType = k;
        }

        return true;
    }

    /// <summary>
    /// The probability, under a set's weights, that its actor accepts a package worth <paramref name="utility"/> to it
    /// judged against the threshold <paramref name="measure"/> (lagged, or this round's in the last possible round),
    /// with the observers' noise: Σ_k w_k σ((U − τ_k + tol) / λ).
    /// </summary>
    public double AcceptanceProbability(int set, double utility, Measure measure)
    {
        var noise = Layout.Noise;
        var p = 0.0;
        for (var k = 0; k < _typeCount; k++)
        {
            var at = At(set, k);
            p += _weight[at] * Logistic((utility - Value(at, measure) + NegotiationSimulator.Tolerance) / noise);
        }

        return p;
    }

    /// <summary>The weighted mean of a set's reservation values this round.</summary>
    public double Mean(int set)
    {
        var mean = 0.0;
        for (var k = 0; k < _typeCount; k++)
        {
            mean += _weight[At(set, k)] * _reservation[At(set, k)];
        }

        return mean;
    }

    /// <summary>How far a set's mean reservation base value has moved from its prior mean: Σ_k w_k θ_k − Σ_k θ_k / K.</summary>
    public double MovementOfMean(int set)
    {
        var mean = 0.0;
        for (var k = 0; k < _typeCount; k++)
        {
            mean += _weight[At(set, k)] * _base[At(set, k)];
        }

        return mean - _priorMean[set];
    }
}

/// <summary>An actor's rules applied to one of its types (docs/model.md §3.3, "Each type's thresholds").</summary>
internal interface ITypeRules
{
    /// <summary>This round's reservation value of a type with base value <paramref name="baseValue"/>.</summary>
    double Reservation(double baseValue);

    /// <summary>The type's aspiration at the end of the previous round as the opponent model reads it (NaN previous: round 1).</summary>
    double PreviousAspiration(double reservation, double previous);

    /// <summary>This round's aspiration of a type with this reservation value and previous aspiration.</summary>
    double Aspiration(double reservation, double previous);
}
