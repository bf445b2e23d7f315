using Negotiation.Simulation.Compliance;
using Negotiation.Simulation.Negotiation;
using Negotiation.Simulation.Parameters;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>
/// Simulates single runs of one compiled variant: samples run i's parameters, runs the negotiation and, when
/// a deal is signed, the compliance phase. Owns the per-worker buffers (allocated once; a run allocates
/// nothing). The Monte Carlo runner uses one per worker and variant; <c>negotiate trace</c> uses one with
/// observers to replay exactly the run that contributed to the distributions.
/// </summary>
public sealed class VariantRunner
{
    private readonly CompiledVariant _variant;
    private readonly ParameterSampler _sampler;
    private readonly double[] _parameters;
    private readonly double[] _uncertainValues;
    private readonly ComplianceWorkspace _complianceWorkspace;
    private readonly int _oneYearPeriods;

    public VariantRunner(CompiledVariant variant)
    {
        _variant = variant;
        _sampler = new ParameterSampler(variant.Parameters);
        _parameters = new double[_sampler.Count];
        _uncertainValues = new double[variant.UncertainSlots.Count];
        NegotiationWorkspace = new NegotiationWorkspace(variant.Negotiation);
        _complianceWorkspace = new ComplianceWorkspace(variant.Compliance);
        _oneYearPeriods = variant.Layout.Compliance?.OneYearPeriods ?? 0;
    }

    public NegotiationWorkspace NegotiationWorkspace { get; }

    /// <summary>The baseline's round states when this runner leads or follows (<see cref="Follow"/>); null otherwise.</summary>
    private RoundStates? _rounds;

    private VariantRunner? _leader;

    /// <summary>After a run of a follower: whether it took the leader's ending.</summary>
    internal bool Followed => _leader is not null && _rounds!.Followed;

    /// <summary>
    /// Makes this runner (a variant that <see cref="CompiledVariant.FollowsBaseline"/>) take <paramref name="leader"/>'s
    /// ending — negotiation and compliance — once its rounds repeat the leader's. The leader must simulate each run first.
    /// </summary>
    internal void Follow(VariantRunner leader)
    {
        if (!_variant.FollowsBaseline || leader._leader is not null)
        {
            throw new ArgumentException("Only a variant that follows the baseline can follow, and only the baseline's runner.", nameof(leader));
        }

        leader._rounds ??= RoundStates.Leader(leader.NegotiationWorkspace);
        _rounds = RoundStates.Follower(leader._rounds, NegotiationWorkspace);
        _leader = leader;
    }

    public NegotiationResult Negotiation { get; private set; }

    public ComplianceResult Compliance { get; private set; }

    public bool HasCompliance => _variant.Compliance.Enabled;

    /// <summary>Agreed, and the agreement held a year (or the whole horizon, when shorter).</summary>
    public bool SurvivedOneYear { get; private set; }

    public ReadOnlySpan<double> UncertainValues => _uncertainValues;

    public ReadOnlySpan<double> Parameters => _parameters;

    public CompiledVariant Variant => _variant;

    /// <summary>Simulates run <paramref name="run"/> of <paramref name="seed"/>; observers see every step when given.</summary>
    public void Simulate(ulong seed, long run, INegotiationObserver? negotiationObserver = null, IComplianceObserver? complianceObserver = null)
    {
        _sampler.Sample(seed, run, _parameters);
        SimulateSampled(seed, run, negotiationObserver, complianceObserver);
    }

    /// <summary>The run's parameter vector, to be filled before <see cref="SimulateSampled"/> (by a <see cref="SharedParameterSampler"/>).</summary>
    internal Span<double> ParameterBuffer => _parameters;

    /// <summary>As <see cref="Simulate"/>, with run <paramref name="run"/>'s parameters already in <see cref="ParameterBuffer"/>.</summary>
    internal void SimulateSampled(ulong seed, long run, INegotiationObserver? negotiationObserver = null, IComplianceObserver? complianceObserver = null)
    {
        var slots = _variant.UncertainSlots;
        for (var k = 0; k < _uncertainValues.Length; k++)
        {
            _uncertainValues[k] = _parameters[slots[k]];
        }

        // A follower watched by observers simulates every step itself.
        var observed = negotiationObserver is not null || complianceObserver is not null;
        var rounds = _leader is not null && observed ? null : _rounds;
        Negotiation = NegotiationSimulator.Run(_variant.Negotiation, _parameters, seed, run, NegotiationWorkspace, negotiationObserver, rounds);
        if (rounds is { Followed: true })
        {
            Compliance = _leader!.Compliance;   // same compliance model, parameters, package, utilities and draws
            SurvivedOneYear = _leader.SurvivedOneYear;
        }
        else if (Negotiation.Agreed && HasCompliance)
        {
            Compliance = ComplianceSimulator.Run(
                _variant.Compliance,
                _parameters,
                NegotiationWorkspace.Package,
                NegotiationWorkspace.Utilities,
                NegotiationWorkspace.Reservations,
                seed,
                run,
                _complianceWorkspace,
                complianceObserver);
            SurvivedOneYear = Compliance.PeriodsHeld >= _oneYearPeriods;
        }
        else
        {
            Compliance = ComplianceResult.NotSimulated;
            SurvivedOneYear = false;
        }
    }
}
