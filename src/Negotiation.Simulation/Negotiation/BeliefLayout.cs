using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Negotiation;

/// <summary>
/// Which beliefs a model's actors hold (docs/model.md §3.3), fixed at compile time. A belief set is a set of
/// <see cref="TypeCount"/> weighted types of one observed actor's reservation value. Every observer with the default
/// prior about an actor shares one set (every move is public, so their beliefs are equal); an observer with its own
/// prior (<c>actors.&lt;o&gt;.beliefs.&lt;b&gt;</c>, misperception) has a set of its own. Only actors whose moves
/// matter are observed: the signatories, their bloc members, the proposers and the opening's author.
/// </summary>
internal sealed class BeliefLayout
{
    /// <summary>Types per belief under private information (docs/model.md §3.3).</summary>
    public const int PrivateTypeCount = 8;

    private readonly int _actorCount;
    private readonly int[] _setFor;

    private BeliefLayout(int actorCount, int typeCount, double noise, List<(int Observed, Uncertain Prior, bool HoldsTruth, string Stream)> sets, int[] setFor)
    {
        _actorCount = actorCount;
        _setFor = setFor;
        TypeCount = typeCount;
        Noise = noise;
        SetCount = sets.Count;
        Observed = sets.Select(s => s.Observed).ToArray();
        Prior = sets.Select(s => s.Prior).ToArray();
        PriorDraw = Prior.Select(prior => new PreparedDraw(prior)).ToArray();
        HoldsTruth = sets.Select(s => s.HoldsTruth).ToArray();
        Stream = sets.Select(s => Streams.ForParameter(s.Stream)).ToArray();
        SetsAbout = Enumerable.Range(0, actorCount).Select(b => Enumerable.Range(0, SetCount).Where(s => Observed[s] == b).ToArray()).ToArray();
    }

    /// <summary>K: types per belief; 1 under complete information (the truth).</summary>
    public int TypeCount { get; }

    /// <summary>λ of the noisy-rational likelihood.</summary>
    public double Noise { get; }

    public int SetCount { get; }

    /// <summary>Per set: the actor whose reservation value it is about.</summary>
    public int[] Observed { get; }

    /// <summary>Per set: the prior its types are drawn from.</summary>
    public Uncertain[] Prior { get; }

    /// <summary>Per set: its prior, ready to draw types from.</summary>
    public PreparedDraw[] PriorDraw { get; }

    /// <summary>Per set: type 0 is the true value and the others are draws from the prior (the default prior).</summary>
    public bool[] HoldsTruth { get; }

    /// <summary>Per set: the random stream its types are drawn from.</summary>
    public ulong[] Stream { get; }

    /// <summary>Per observed actor: the sets about it (updated when it moves).</summary>
    public int[][] SetsAbout { get; }

    /// <summary>The set every observer with the default prior shares about <paramref name="observed"/>; −1 when none.</summary>
    public int SharedSetAbout(int observed)
    {
        foreach (var set in SetsAbout[observed])
        {
            if (HoldsTruth[set])
            {
                return set;
            }
        }

        return -1;
    }

    /// <summary>The set <paramref name="observer"/> reads about <paramref name="observed"/>; −1 when it holds none.</summary>
    public int SetFor(int observer, int observed) => _setFor[observer * _actorCount + observed];

    /// <param name="defaultPrior">Per actor, the distribution its reservation value is drawn from in the Monte Carlo.</param>
    public static BeliefLayout Compile(Scenario scenario, IReadOnlyCollection<int> observed, Func<int, Uncertain> defaultPrior, InformationKind information, double noise)
    {
        var actors = scenario.Actors;
        var n = actors.Count;
        var typeCount = information == InformationKind.Complete ? 1 : PrivateTypeCount;
        var sets = new List<(int, Uncertain, bool, string)>();
        var setFor = new int[n * n];
        Array.Fill(setFor, -1);
        foreach (var b in observed.Order())
        {
            var shared = -1;
            for (var o = 0; o < n; o++)
            {
                if (o == b)
                {
                    continue;
                }

                if (information == InformationKind.Private && actors[o].Beliefs is { } own && own.TryGetValue(actors[b].Id, out var prior))
                {
                    setFor[o * n + b] = sets.Count;
                    sets.Add((b, prior, false, $"beliefs.{actors[o].Id}.{actors[b].Id}"));
                    continue;
                }

                if (shared < 0)
                {
                    shared = sets.Count;
                    sets.Add((b, defaultPrior(b), true, $"beliefs.{actors[b].Id}"));
                }

                setFor[o * n + b] = shared;
            }
        }

        return new BeliefLayout(n, typeCount, noise, sets, setFor);
    }
}
