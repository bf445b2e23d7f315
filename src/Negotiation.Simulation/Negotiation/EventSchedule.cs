using System.Globalization;
using Negotiation.Core.Model;
using Negotiation.Simulation.Parameters;
using Negotiation.Simulation.Random;

namespace Negotiation.Simulation.Negotiation;

/// <summary>What an event effect changes.</summary>
internal enum EffectKind : byte
{
    Reservation,
    Value,
}

/// <summary>
/// The scenario's events compiled to flat arrays: per event its round, probability slot and random stream; its
/// effects are <c>EffectStart[e] .. EffectStart[e + 1] − 1</c> (docs/model.md, "Events").
/// </summary>
internal sealed class EventSchedule
{
    public EventSchedule(Scenario scenario, ParameterTable parameters, int[] issueStart, bool[] isContinuous)
    {
        var events = scenario.Events;
        Count = events.Count;
        Round = events.Select(e => e.Round).ToArray();
        ProbabilitySlot = events.Select(e => parameters.Register("events." + e.Id + ".probability", e.Probability)).ToArray();
        Stream = events.Select(e => Streams.ForParameter("events." + e.Id + ".fires")).ToArray();
        EffectStart = new int[Count + 1];
        var kinds = new List<EffectKind>();
        var actors = new List<int>();
        var issues = new List<int>();
        var candidates = new List<int>();
        var slots = new List<int>();
        for (var e = 0; e < Count; e++)
        {
            EffectStart[e] = kinds.Count;
            for (var k = 0; k < events[e].Effects.Count; k++)
            {
                var effect = events[e].Effects[k];
                var a = scenario.ActorIndex(effect.ActorId);
                var j = effect is ValueShift value ? scenario.IssueIndex(value.IssueId) : -1;
                if (a < 0 || (effect is ValueShift && j < 0))
                {
                    continue; // unresolved references are the loader's to report
                }

                var path = "events." + events[e].Id + ".effects." + k.ToString(CultureInfo.InvariantCulture);
                actors.Add(a);
                issues.Add(j);
                switch (effect)
                {
                    case ReservationShift shift:
                        kinds.Add(EffectKind.Reservation);
                        candidates.Add(-1);
                        slots.Add(parameters.Register(path, shift.Delta));
                        break;
                    case ValueShift shift:
                        // One option of a discrete issue, or (no option, or a continuous issue) the whole issue: -1.
                        var option = shift.OptionId is null || isContinuous[j] ? -1 : scenario.Issues[j].IndexOf(shift.OptionId);
                        kinds.Add(EffectKind.Value);
                        candidates.Add(option < 0 ? -1 : issueStart[j] + option);
                        slots.Add(parameters.Register(path, shift.Delta));
                        break;
                    default:
                        throw new ArgumentException($"Unknown event effect {effect.GetType().Name}.", nameof(scenario));
                }
            }
        }

        EffectStart[Count] = kinds.Count;
        EffectKinds = kinds.ToArray();
        EffectActor = actors.ToArray();
        EffectIssue = issues.ToArray();
        EffectCandidate = candidates.ToArray();
        EffectSlot = slots.ToArray();
    }

    public int Count { get; }
    public int[] Round { get; }
    public int[] ProbabilitySlot { get; }
    public ulong[] Stream { get; }
    public int[] EffectStart { get; }
    public EffectKind[] EffectKinds { get; }
    public int[] EffectActor { get; }
    public int[] EffectIssue { get; }
    public int[] EffectCandidate { get; }
    public int[] EffectSlot { get; }
}
