using Negotiation.Core.Common;
using System.Globalization;
using System.Text;
using Negotiation.Core.Model;
using Negotiation.Simulation.Models;
using Negotiation.Simulation.Models.Bargaining;

namespace Negotiation.Simulation.MonteCarlo;

/// <summary>Receives per-run CSV rows chunk by chunk; chunks may arrive out of order and must be written in chunk order.</summary>
public interface IPerRunSink
{
    /// <summary>The CSV header line (without newline).</summary>
    void Begin(string header);

    void Write(long chunk, string rows);
}

/// <summary>
/// The bargaining family's rows for <c>--per-run</c>, one CSV row per (run, variant) read from a worker's workspaces: the
/// outcome, every agreed term and every actor's utility. Columns are the union of all variants' issues and actors, so
/// variants share one table.
/// </summary>
internal sealed class PerRunRows : IRunRows
{
    private readonly StringBuilder _text = new();
    private readonly SimulationPlan _plan;
    private readonly BargainingWorkspace[] _workspaces;
    // Per variant, for each column of the shared table, the variant's own issue or actor index (−1 when absent).
    private readonly Dictionary<string, int[]> _issueColumns;
    private readonly Dictionary<string, int[]> _actorColumns;

    public PerRunRows(SimulationPlan plan, BargainingWorkspace[] workspaces)
    {
        _plan = plan;
        _workspaces = workspaces;
        Header = HeaderOf(plan);
        var issues = IssueIds(plan);
        var actors = ActorIds(plan);
        _issueColumns = plan.Variants.ToDictionary(
            v => v.Layout.Id,
            v => issues.Select(id => v.Layout.Issues.ToList().FindIndex(i => i.Id == id)).ToArray());
        _actorColumns = plan.Variants.ToDictionary(
            v => v.Layout.Id,
            v => actors.Select(id => v.Layout.Actors.ToList().FindIndex(a => a.Id == id)).ToArray());
    }

    public string Header { get; }

    private static string HeaderOf(SimulationPlan plan) =>
        "run,variant,agreed,round,breakdown,walked_out,periods_held,collapse_cause,first_violator,"
        + string.Join(',', IssueIds(plan).Select(i => CsvText.Field("term_" + i)).Concat(ActorIds(plan).Select(a => CsvText.Field("utility_" + a))));

    private static string[] IssueIds(SimulationPlan plan) =>
        plan.Variants.SelectMany(v => v.Layout.Issues.Select(i => i.Id)).Distinct().ToArray();

    private static string[] ActorIds(SimulationPlan plan) =>
        plan.Variants.SelectMany(v => v.Layout.Actors.Select(a => a.Id)).Distinct().ToArray();

    public void Add(long run, int variant) => Add(run, _plan.Variants[variant], _workspaces[variant].Runner);

    private void Add(long run, CompiledVariant variant, VariantRunner state)
    {
        var n = state.Negotiation;
        var c = state.Compliance;
        var layout = variant.Layout;
        var inv = CultureInfo.InvariantCulture;
        _text.Append(run.ToString(inv)).Append(',').Append(CsvText.Field(layout.Id)).Append(',')
            .Append(n.Agreed ? "true" : "false").Append(',')
            .Append(n.Round.ToString(inv)).Append(',')
            .Append(n.Agreed ? "" : n.Cause.ToString().ToLowerInvariant()).Append(',')
            .Append(n.WalkedOut >= 0 ? CsvText.Field(layout.Actors[n.WalkedOut].Id) : "").Append(',');
        if (n.Agreed && layout.Compliance is { } compliance)
        {
            _text.Append(c.PeriodsHeld.ToString(inv)).Append(',')
                .Append(c.Cause.ToString().ToLowerInvariant()).Append(',')
                .Append(c.FirstViolator >= 0 ? CsvText.Field(compliance.Parties[c.FirstViolator].Id) : "");
        }
        else
        {
            _text.Append(",,");
        }

        var package = state.NegotiationWorkspace.Package;
        foreach (var i in _issueColumns[layout.Id])
        {
            _text.Append(',');
            if (n.Agreed && i >= 0)
            {
                var issue = layout.Issues[i];
                _text.Append(issue.Kind == IssueKind.Discrete
                    ? CsvText.Field(issue.Options[(int)package[i]].Id)
                    : package[i].ToString("R", inv));
            }
        }

        var utilities = state.NegotiationWorkspace.Utilities;
        foreach (var a in _actorColumns[layout.Id])
        {
            _text.Append(',');
            if (a >= 0)
            {
                _text.Append(utilities[a].ToString("R", inv));
            }
        }

        _text.Append('\n');
    }

    public string Take()
    {
        var rows = _text.ToString();
        _text.Clear();
        return rows;
    }
}
