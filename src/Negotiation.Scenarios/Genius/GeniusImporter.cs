using System.Globalization;
using Negotiation.Core.Common;
using Negotiation.Core.Model;

namespace Negotiation.Scenarios.Genius;

/// <summary>
/// Converts a GENIUS domain and its profiles into a scenario: one actor per profile, valuations that reproduce
/// GENIUS's evaluations exactly, alternating offers among all actors. The mapping is documented in docs/genius.md.
/// </summary>
public static class GeniusImporter
{
    /// <summary>Tolerance on Σ w = 1 below which weights are taken to be normalised (files often round to 4 decimals).</summary>
    public const double WeightSumTolerance = 1e-3;

    /// <summary>
    /// Reads the domain and every profile, reporting the problems of all files together, and converts them.
    /// Entry point of <c>negotiate import-genius DOMAIN PROFILE... [--out file] [--names a,b]</c>.
    /// </summary>
    /// <exception cref="InputException">Any file is missing, malformed or inconsistent with the domain.</exception>
    public static GeniusImportResult Import(string domainPath, IReadOnlyList<string> profilePaths, GeniusImportOptions? options = null)
    {
        Guard.NotNull(domainPath);
        Guard.NotNull(profilePaths);
        var domain = GeniusReader.ReadDomain(domainPath);
        var errors = new List<Diagnostic>();
        var warnings = new List<Diagnostic>();
        var profiles = new List<GeniusProfile>();
        foreach (var path in profilePaths)
        {
            try
            {
                profiles.Add(GeniusReader.ReadProfile(path, domain, warnings));
            }
            catch (InputException e)
            {
                errors.AddRange(e.Diagnostics);
            }
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var result = Import(domain, profiles, options);
        return result with { Warnings = [.. warnings, .. result.Warnings] };
    }

    /// <summary>Converts a domain and profiles already read.</summary>
    public static GeniusImportResult Import(GeniusDomain domain, IReadOnlyList<GeniusProfile> profiles, GeniusImportOptions? options = null)
    {
        Guard.NotNull(domain);
        Guard.NotNull(profiles);
        options ??= GeniusImportOptions.Default;
        CheckOptions(options, profiles, domain);
        var warnings = new List<Diagnostic>();

        var issueIds = new Ids();
        var issues = domain.Issues.Select(issue => ConvertIssue(issue, issueIds.Make(issue.Name, "issue-" + issue.Index), options)).ToList();

        var actorIds = new Ids();
        var actors = new List<Actor>();
        for (var p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p];
            var name = options.Names?[p] ?? Path.GetFileNameWithoutExtension(profile.File);
            var id = actorIds.Make(name, "actor-" + (p + 1));
            actors.Add(ConvertProfile(domain, profile, issues, id, name, options));
            Warn(profile, warnings);
        }

        if (profiles.Count == 1)
        {
            warnings.Add(Diagnostic.Warning(profiles[0].Position, "only one profile imported; a negotiation needs at least two actors"));
        }

        var actorIdList = actors.Select(a => a.Id).ToArray();
        var protocol = new Protocol(ProtocolKind.AlternatingOffers, actorIdList, SigningRule.Unanimity, actorIdList, options.Deadline, options.RoundDays);
        var scenario = new Scenario(Metadata(domain, profiles), issues, actors, [], protocol, [], null);
        return new GeniusImportResult(scenario, warnings);
    }

    /// <summary>
    /// The comment a YAML file written from an import starts with: where it came from and how to redo it.
    /// </summary>
    public static string HeaderComment(GeniusDomain domain, IReadOnlyList<GeniusProfile> profiles) =>
        $"Imported from GENIUS by negotiate import-genius.\n" +
        $"Domain: {Path.GetFileName(domain.File)}\n" +
        $"Profiles: {string.Join(", ", profiles.Select(p => Path.GetFileName(p.File)))}\n" +
        "Utilities follow GENIUS's rules (see docs/genius.md); strategies and deadline are import defaults.";

    /// <summary>The header comment for files given by path (the CLI's case).</summary>
    public static string HeaderComment(string domainPath, IReadOnlyList<string> profilePaths) =>
        $"Imported from GENIUS by negotiate import-genius.\n" +
        $"Domain: {Path.GetFileName(domainPath)}\n" +
        $"Profiles: {string.Join(", ", profilePaths.Select(Path.GetFileName))}\n" +
        "Utilities follow GENIUS's rules (see docs/genius.md); strategies and deadline are import defaults.";

    private static void CheckOptions(GeniusImportOptions options, IReadOnlyList<GeniusProfile> profiles, GeniusDomain domain)
    {
        var errors = new List<Diagnostic>();
        var here = new SourcePosition(domain.File, 1, 1);
        if (profiles.Count == 0)
        {
            errors.Add(Diagnostic.Error(here, "no profile given; expected one GENIUS profile file per actor"));
        }

        if (options.Names is { } names && names.Count != profiles.Count)
        {
            errors.Add(Diagnostic.Error(new SourcePosition("--names", 1, 1), $"{names.Count} names given for {profiles.Count} profiles; expected one name per profile"));
        }

        if (options.Names is { } given && given.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(Diagnostic.Error(new SourcePosition("--names", 1, 1), "an actor name is empty; expected a name per profile"));
        }

        if (options.Deadline < 1)
        {
            errors.Add(Diagnostic.Error(new SourcePosition("--deadline", 1, 1), $"deadline {options.Deadline}; expected at least 1 round"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        Guard.Positive(options.MaxIntegerOptions);
        Guard.Positive(options.Resolution - 1);
        if (!(options.RoundDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RoundDays, "RoundDays must be positive");
        }
    }

    private static void Warn(GeniusProfile profile, List<Diagnostic> warnings)
    {
        var sum = profile.WeightSum;
        if (Math.Abs(sum - 1) > WeightSumTolerance)
        {
            warnings.Add(Diagnostic.Warning(profile.Position,
                $"weights sum to {Format(sum)}, not 1; GENIUS uses them as given but our engine divides by their sum, so imported utilities are GENIUS's divided by {Format(sum)}"));
        }

        if (profile.IsDiscounted)
        {
            warnings.Add(Diagnostic.Warning(profile.Position,
                $"discount factor {Format(profile.EffectiveDiscountFactor)} ignored; the scenario format has no time discounting of utilities (use a reservation trend instead)"));
        }
    }

    private static Issue ConvertIssue(GeniusIssue issue, string id, GeniusImportOptions options)
    {
        switch (issue.Type)
        {
            case GeniusIssueType.Discrete:
            {
                var optionIds = new Ids();
                var options2 = issue.Items
                    .Select((item, k) => new IssueOption(optionIds.Make(item.Value, "item-" + (item.Index ?? k + 1)), item.Value))
                    .ToArray();
                return new Issue(id, issue.Name, IssueKind.Discrete, options2, 0, options2.Length - 1, options2.Length) { Position = issue.Position };
            }

            case GeniusIssueType.Integer when IntegerCount(issue) <= options.MaxIntegerOptions:
            {
                var integerOptions = IntegerValues(issue).Select(x => new IssueOption(IntegerOptionId(x), x.ToString(CultureInfo.InvariantCulture))).ToArray();
                return new Issue(id, issue.Name, IssueKind.Discrete, integerOptions, 0, integerOptions.Length - 1, integerOptions.Length) { Position = issue.Position };
            }

            default:
                return Issue.Continuous(id, issue.Name, issue.Lower, issue.Upper, options.Resolution) with { Position = issue.Position };
        }
    }

    private static Actor ConvertProfile(
        GeniusDomain domain, GeniusProfile profile, IReadOnlyList<Issue> issues, string id, string name, GeniusImportOptions options)
    {
        var interests = new List<Interest>();
        for (var i = 0; i < domain.Issues.Count; i++)
        {
            var source = domain.Issues[i];
            var target = issues[i];
            var weight = profile.Weights[source.Index];
            var evaluator = profile.Evaluators[source.Index];
            interests.Add(target.Kind == IssueKind.Discrete
                ? new Interest(target.Id, weight, DiscreteValues(source, evaluator, target), null) { Position = profile.Position }
                : new Interest(target.Id, weight, null, null, LossShape.Linear, Curve(source, evaluator)) { Position = profile.Position });
        }

        return new Actor(
            id,
            name,
            1.0,
            interests,
            [],
            Reservation.Constant(profile.Reservation),
            options.Strategy,
            ComplianceTraits.Default,
            Description: $"GENIUS profile {Path.GetFileName(profile.File)}") { Position = profile.Position };
    }

    private static Dictionary<string, Uncertain> DiscreteValues(GeniusIssue source, GeniusEvaluator evaluator, Issue target)
    {
        var values = new Dictionary<string, Uncertain>(StringComparer.Ordinal);
        if (source.Type == GeniusIssueType.Discrete)
        {
            for (var k = 0; k < source.Items.Count; k++)
            {
                values[target.Options[k].Id] = GeniusUtility.Evaluate(source, evaluator, GeniusValue.Of(source.Items[k].Value));
            }
        }
        else
        {
            var k = 0;
            foreach (var x in IntegerValues(source))
            {
                values[target.Options[k++].Id] = GeniusUtility.Evaluate(source, evaluator, GeniusValue.Of(x));
            }
        }

        return values;
    }

    /// <summary>
    /// A piecewise-linear curve through the evaluator at the issue's bounds and at every kink inside them (where a
    /// clamped line meets 0 or 1, or a triangle's ends and peak): between kinks GENIUS's function is linear, so
    /// interpolation reproduces it exactly.
    /// </summary>
    public static IReadOnlyList<CurvePoint> Curve(GeniusIssue issue, GeniusEvaluator evaluator)
    {
        var kinks = new List<double> { issue.Lower, issue.Upper };
        switch (evaluator)
        {
            case GeniusIntegerEvaluator line:
                AddLineKinks(kinks, line.Slope, line.Offset - line.Slope * issue.Lower);
                break;
            case GeniusRealEvaluator { Function: GeniusRealFunction.Linear } line:
                AddLineKinks(kinks, line.Parameter1, line.Parameter0);
                break;
            case GeniusRealEvaluator { Function: GeniusRealFunction.Triangular } triangle:
                kinks.AddRange([triangle.Parameter0, triangle.Parameter2, triangle.Parameter1]);
                break;
        }

        return kinks
            .Where(x => x >= issue.Lower && x <= issue.Upper)
            .Distinct()
            .Order()
            .Select(x => new CurvePoint(x, GeniusUtility.Evaluate(issue, evaluator, GeniusValue.Of(x))))
            .ToArray();
    }

    /// <summary>Where a·x + b crosses 0 and 1, the corners of its clamp to [0, 1].</summary>
    private static void AddLineKinks(List<double> kinks, double a, double b)
    {
        if (a != 0)
        {
            kinks.Add(-b / a);
            kinks.Add((1 - b) / a);
        }
    }

    /// <summary>The option id of an integer value: its digits, "minus-" before a negative one (ids never start with a sign).</summary>
    private static string IntegerOptionId(long x) =>
        x < 0 ? "minus-" + (-x).ToString(CultureInfo.InvariantCulture) : x.ToString(CultureInfo.InvariantCulture);

    private static long IntegerCount(GeniusIssue issue) => (long)issue.Upper - (long)issue.Lower + 1;

    private static IEnumerable<long> IntegerValues(GeniusIssue issue)
    {
        for (var x = (long)issue.Lower; x <= (long)issue.Upper; x++)
        {
            yield return x;
        }
    }

    private static ScenarioMetadata Metadata(GeniusDomain domain, IReadOnlyList<GeniusProfile> profiles)
    {
        var domainFile = Path.GetFileName(domain.File);
        var stem = Path.GetFileNameWithoutExtension(domain.File);
        var name = string.IsNullOrWhiteSpace(domain.Name) || domain.Name.Equals("root", StringComparison.OrdinalIgnoreCase)
            ? stem
            : domain.Name;
        var id = Ids.Slug(stem);
        var description =
            $"The GENIUS domain {domainFile} with the profiles {string.Join(", ", profiles.Select(p => Path.GetFileName(p.File)))}. " +
            "Valuations reproduce GENIUS's evaluations (discrete: evaluation / the issue's largest evaluation when that exceeds 1; " +
            "integer and real: the clamped evaluator functions); weights and reservation values are the profiles'. " +
            "Strategies and the deadline are import defaults, not part of the GENIUS files.";
        return new ScenarioMetadata(
            id.Length > 0 ? id : "genius-domain",
            $"{name} (GENIUS domain)",
            description,
            [domainFile, .. profiles.Select(p => Path.GetFileName(p.File))],
            1);
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);
}
