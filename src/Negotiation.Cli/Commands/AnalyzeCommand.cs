using System.Numerics;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Model;
using Negotiation.Simulation.Analysis;

namespace Negotiation.Cli.Commands;

/// <summary>
/// <c>negotiate analyze</c>: the bargaining analysis of a scenario without simulation: Pareto frontier, Nash,
/// Kalai–Smorodinsky and maximum-welfare points, and whether a zone of possible agreement exists.
/// </summary>
public static class AnalyzeCommand
{
    private const int FrontierRowsShown = 15;

    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var variants = CommonOptions.Variants();
        var json = CommonOptions.Json();
        var all = new Option<bool>("--all-frontier") { Description = $"List the whole Pareto frontier (default: the first {FrontierRowsShown} packages by welfare)." };
        var command = new Command("analyze", """
            Analyse a scenario without simulating it, at the parameters' central values: the Pareto frontier, the
            Nash bargaining solution, the Kalai–Smorodinsky point, maximum welfare, and whether any package
            beats every signatory's BATNA without crossing a red line (a ZOPA) — and if not, who closes it.

            Examples:
              negotiate analyze scenarios/nato-russia-2022.yaml
              negotiate analyze laptop.yaml --all-frontier
              negotiate analyze scenarios/nato-russia-2022.yaml --variant ten-point --json
            """)
        {
            file, variants, json, all,
        };
        command.SetAction(parse => Execute(context(), parse.GetValue(file)!, parse.GetValue(variants) ?? [], parse.GetValue(json), parse.GetValue(all)));
        return command;
    }

    public static int Execute(CliContext context, string path, IReadOnlyCollection<string> variantIds, bool json, bool allFrontier)
    {
        var set = ScenarioInput.Load(context, path);
        if (set is null || !ScenarioInput.CheckVariants(context, set, variantIds))
        {
            return ExitCodes.BadInput;
        }

        var chosen = set.Variants.Where(v => variantIds.Count == 0 || variantIds.Contains(v.Id)).ToArray();
        var results = chosen.Select(v => (Variant: v, Analysis: ScenarioAnalysis.Analyze(v.Scenario))).ToArray();
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(
                results.Select(r => new { variant = r.Variant.Id, analysis = Json(r.Analysis, r.Variant.Scenario) }),
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
            return ExitCodes.Ok;
        }

        foreach (var (variant, analysis) in results)
        {
            context.Out.Write(Render(variant, analysis, allFrontier, context.Width));
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// A package count as a reader takes it in: with thousands separators up to a quadrillion, beyond that "about
    /// 8.7e101" (a 102-digit number helps nobody, and a double would round it silently).
    /// </summary>
    public static string PackageCount(BigInteger count)
    {
        var inv = CultureInfo.InvariantCulture;
        if (count < BigInteger.Pow(10, 15))
        {
            return count.ToString("N0", inv);
        }

        var digits = count.ToString(inv);
        var mantissa = digits[0] + "." + digits[1..3].TrimEnd('0');
        return $"about {mantissa.TrimEnd('.')}e{digits.Length - 1}";
    }

    /// <summary>
    /// The plain-text analysis of one variant. Its tables (Spectre.Console, <see cref="Negotiation.Reporting.ConsoleTable"/>)
    /// have one row per actor and one column per point, so the numbers stay under their headers at any number of actors
    /// and fit <paramref name="width"/> columns; the terms of each point follow as sentences in the scenario's short labels.
    /// </summary>
    public static string Render(VariantScenario variant, ScenarioAnalysisResult analysis, bool allFrontier, int width = Negotiation.Reporting.ConsoleTable.DefaultWidth)
    {
        var inv = CultureInfo.InvariantCulture;
        var scenario = variant.Scenario;
        var names = scenario.Actors.ToDictionary(a => a.Id, a => a.Name);
        var text = new StringBuilder();
        text.AppendLine($"{scenario.Metadata.Title} — variant '{variant.Id}' ({variant.Name})");
        text.AppendLine(analysis.Exhaustive
            ? string.Format(inv, "Packages: {0}, all examined.", PackageCount(analysis.PackageSpaceSize))
            : string.Format(inv, "Packages: {0}; {1:N0} examined (a deterministic sample plus each actor's best packages), so the points below are approximate.", PackageCount(analysis.PackageSpaceSize), analysis.PackagesExamined));
        text.AppendLine("Signatories: " + string.Join(", ", analysis.Signatories.Select(s => names[s])));
        text.AppendLine();

        var zopa = analysis.Zopa;
        if (zopa.Exists)
        {
            text.AppendLine(string.Format(inv, "Zone of possible agreement: yes, {0:N0} package(s) every signatory prefers to no deal without crossing a red line.", zopa.PackageCount));
        }
        else
        {
            text.AppendLine("Zone of possible agreement: NONE. No package beats every signatory's BATNA within their red lines.");
            foreach (var blocker in zopa.Blockers)
            {
                text.AppendLine($"  closed by {names[blocker.ActorId]}: {(blocker.Kind == ZopaBlock.RedLines ? "its red lines" : "its BATNA (reservation value)")}");
            }
        }

        text.AppendLine();
        // A package's utilities are in the scenario's actor order, one per actor (signatory or not): one row each.
        text.AppendLine("Utility to each actor (0 = worst, 1 = best; * = signatory) of no deal, of its best package, and of each point:");
        var points = new (string Label, AnalysedPackage? Package)[] { ("Nash", analysis.Nash), ("Kalai–Smorodinsky", analysis.KalaiSmorodinsky), ("Max welfare", analysis.MaxWelfare) };
        var positions = scenario.Actors.Select(a => analysis.Positions.FirstOrDefault(p => p.ActorId == a.Id)).ToArray();
        text.Append(ActorTable(
            scenario,
            analysis,
            ["BATNA", "Best", .. points.Select(p => p.Label), "Best others accept"],
            a => [
                positions[a] is { } p ? p.Reservation.ToString("F3", inv) : "",
                positions[a] is { } q ? q.BestUtility.ToString("F3", inv) : "",
                .. points.Select(p => Utility(p.Package, a)),
                positions[a]?.BestAcceptableToOthers is { } best ? best.ToString("F3", inv) : "none",
            ],
            width));
        text.AppendLine();
        foreach (var (label, package) in points)
        {
            text.AppendLine(package is null
                ? $"{label}: none (no package gives every signatory a gain over its BATNA)"
                : $"{label}: {Terms(package, scenario)}");
        }

        text.AppendLine();
        var frontier = analysis.ParetoFrontier.OrderByDescending(p => p.Utilities.Sum()).ToArray();
        var shown = allFrontier ? frontier : frontier.Take(FrontierRowsShown).ToArray();
        text.AppendLine(string.Format(inv, "Pareto frontier: {0:N0} package(s){1}", frontier.Length, shown.Length < frontier.Length ? $", the {shown.Length} with the highest welfare shown (--all-frontier for all)" : ""));
        // As many packages side by side as fit the width (a column is about 8 characters).
        var perTable = Math.Max(1, (Math.Max(Negotiation.Reporting.ConsoleTable.MinWidth, width) - 30) / 8);
        for (var start = 0; start < shown.Length; start += perTable)
        {
            if (start > 0)
            {
                text.AppendLine();
            }

            var chunk = shown.Skip(start).Take(perTable).ToArray();
            text.Append(ActorTable(
                scenario,
                analysis,
                chunk.Select((_, k) => "#" + (start + k + 1).ToString(inv)).ToArray(),
                a => chunk.Select(p => Utility(p, a)).ToArray(),
                width));
        }

        text.AppendLine();
        for (var k = 0; k < shown.Length; k++)
        {
            text.AppendLine($"#{(k + 1).ToString(inv)}: {Terms(shown[k], scenario)}");
        }

        text.AppendLine();
        return text.ToString();
    }

    // One row per actor: its name (wrapped) and the given numeric columns.
    private static string ActorTable(Scenario scenario, ScenarioAnalysisResult analysis, IReadOnlyList<string> columns, Func<int, string[]> cells, int width) =>
        Negotiation.Reporting.ConsoleTable.Render(
            ["Actor", .. columns],
            [false, .. columns.Select(_ => true)],
            scenario.Actors.Select((a, i) => (IReadOnlyList<string>)[a.Name + (analysis.Signatories.Contains(a.Id) ? "*" : ""), .. cells(i)]),
            color: false,
            width);

    private static string Utility(AnalysedPackage? package, int actor) =>
        package is null ? "–" : package.Utilities[actor].ToString("F3", CultureInfo.InvariantCulture);

    // The analysis as JSON, with each package's utilities keyed by actor id (a bare array left the reader to guess
    // the order, and the order was the scenario's actors, not the signatories listed beside it).
    private static object Json(ScenarioAnalysisResult analysis, Scenario scenario)
    {
        object Package(AnalysedPackage? p) => p is null ? null! : new
        {
            terms = p.Terms,
            utilities = scenario.Actors.Select((a, i) => new { actor = a.Id, utility = p.Utilities[i] }).ToArray(),
        };

        return new
        {
            analysis.ScenarioId,
            analysis.Signatories,
            analysis.PackageSpaceSize,
            analysis.PackagesExamined,
            analysis.Exhaustive,
            ParetoFrontier = analysis.ParetoFrontier.Select(Package).ToArray(),
            Nash = Package(analysis.Nash),
            KalaiSmorodinsky = Package(analysis.KalaiSmorodinsky),
            MaxWelfare = Package(analysis.MaxWelfare),
            analysis.Zopa,
            analysis.Positions,
        };
    }

    private static string Terms(AnalysedPackage package, Scenario scenario) =>
        string.Join(", ", package.Terms.Select(t =>
        {
            // Short labels: a package settles every issue, and ten issues' full names and labels make a paragraph.
            var issue = scenario.Issue(t.IssueId);
            var value = t.OptionId is { } option && issue.Options[issue.IndexOf(option)] is { } chosen
                ? ShortLabel.Or(chosen.Short, chosen.Label)
                : (t.Value is { } v ? Negotiation.Reporting.Text.Quantity(v) : "") + (issue.Unit is null ? "" : " " + issue.Unit);
            return $"{ShortLabel.Or(issue.Short, issue.Name)}: {value}";
        }));
}
