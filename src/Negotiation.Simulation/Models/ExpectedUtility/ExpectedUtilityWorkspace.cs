namespace Negotiation.Simulation.Models.ExpectedUtility;

/// <summary>Watches the expected-utility family through the seam: called once per issue with the game just played.</summary>
public interface IExpectedUtilityObserver : IModelObserver
{
    void OnIssue(ExpectedUtilityIssue issue, ExpectedUtilityGame game);
}

/// <summary>
/// One worker's buffers for the expected-utility family: the run's parameters, each issue's inputs, one game, and the
/// outcome of the last run per issue. Allocated once; a run allocates nothing.
/// </summary>
public sealed class ExpectedUtilityWorkspace : IModelWorkspace
{
    private readonly ExpectedUtilityModel _model;
    private readonly double[] _parameters;
    private readonly double[] _capability;
    private readonly double[] _salience;
    private readonly double[] _position;
    private readonly double[][] _paths;

    internal ExpectedUtilityWorkspace(ExpectedUtilityModel model)
    {
        _model = model;
        _parameters = new double[model.Parameters.Count];
        var capacity = Math.Max(1, model.MaxParticipants);
        _capability = new double[capacity];
        _salience = new double[capacity];
        _position = new double[capacity];
        Game = new ExpectedUtilityGame(capacity, model.Settings);
        var issues = model.Issues.Count;
        Outcome = new double[issues];
        StartMedian = new double[issues];
        CompromiseMean = new double[issues];
        RoundsPlayed = new int[issues];
        Settled = new bool[issues];
        _paths = model.Issues.Select(i => new double[(model.Settings.MaxRounds + 1) * i.Participants.Length]).ToArray();
    }

    public ExpectedUtilityGame Game { get; }

    public Span<double> Parameters => _parameters;

    /// <summary>Per issue: the predicted outcome on 0–100 (the median once positions settle or after the last round); NaN without participants.</summary>
    public double[] Outcome { get; }

    /// <summary>Per issue: the median of the starting positions.</summary>
    public double[] StartMedian { get; }

    /// <summary>Per issue: the capability×salience weighted mean of the starting positions (Achen's compromise model).</summary>
    public double[] CompromiseMean { get; }

    public int[] RoundsPlayed { get; }

    public bool[] Settled { get; }

    /// <summary>Participant <paramref name="participant"/>'s position on issue <paramref name="issue"/> after round <paramref name="round"/>.</summary>
    public double Position(int issue, int round, int participant) =>
        _paths[issue][round * _model.Issues[issue].Participants.Length + participant];

    public bool CrossesRedLine => false;   // the family predicts positions, not a signed package: it has no red lines

    public void Run(ulong seed, long run, IModelObserver? observer = null)
    {
        var watch = observer as IExpectedUtilityObserver;
        if (observer is not null && watch is null)
        {
            throw new ArgumentException("the expected-utility family is watched by an IExpectedUtilityObserver", nameof(observer));
        }

        var issues = _model.Issues;
        for (var j = 0; j < issues.Count; j++)
        {
            var layout = issues[j];
            var n = layout.Participants.Length;
            for (var p = 0; p < n; p++)
            {
                ReadInputs(layout.Participants[p], layout.Issue, p);
            }

            var capability = _capability.AsSpan(0, n);
            var salience = _salience.AsSpan(0, n);
            var position = _position.AsSpan(0, n);
            if (n == 0)
            {
                Outcome[j] = StartMedian[j] = CompromiseMean[j] = double.NaN;
                RoundsPlayed[j] = 0;
                Settled[j] = true;
                continue;
            }

            StartMedian[j] = ExpectedUtilityRules.Median(capability, salience, position);
            CompromiseMean[j] = ExpectedUtilityRules.WeightedMean(capability, salience, position);
            Game.Play(capability, salience, position);
            Outcome[j] = Game.Outcome;
            RoundsPlayed[j] = Game.RoundsPlayed;
            Settled[j] = Game.Settled;
            var path = _paths[j];
            for (var r = 0; r <= _model.Settings.MaxRounds; r++)
            {
                Game.Positions(r).CopyTo(path.AsSpan(r * n, n));
            }

            watch?.OnIssue(layout, Game);
        }
    }

    private void ReadInputs(Participant participant, Core.Model.Issue issue, int p)
    {
        var values = _parameters;
        _capability[p] = Math.Max(0, values[participant.CapabilitySlot]);
        if (participant.WeightSlots.Length == 0)
        {
            _salience[p] = Math.Clamp(values[participant.SalienceSlot], 0, 1);
        }
        else
        {
            var largest = 0.0;
            foreach (var slot in participant.WeightSlots)
            {
                largest = Math.Max(largest, values[slot]);
            }

            _salience[p] = largest > 0 ? Math.Clamp(values[participant.SalienceSlot] / largest, 0, 1) : 0;
        }

        _position[p] = participant.Source switch
        {
            PositionSource.Explicit => Math.Clamp(values[participant.PositionSlot], 0, 100),
            PositionSource.Ideal => ExpectedUtilityModel.Scale(values[participant.PositionSlot], issue),
            PositionSource.Fixed => participant.FixedPosition,
            _ => BestOption(participant.OptionValueSlots),
        };
    }

    /// <summary>The position of the option valued most (the first in the stated order on a tie), on 0–100.</summary>
    private double BestOption(int[] slots)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var k = 0; k < slots.Length; k++)
        {
            var v = slots[k] < 0 ? 0 : _parameters[slots[k]];
            if (v > bestValue)
            {
                bestValue = v;
                best = k;
            }
        }

        return slots.Length > 1 ? 100.0 * best / (slots.Length - 1) : 50;
    }
}
