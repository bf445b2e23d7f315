using System.Globalization;
using System.Xml.Linq;
using Negotiation.Core.Common;

namespace Negotiation.Scenarios.Genius;

/// <summary>
/// Reads GENIUS 10.x domain and (linear additive) profile files. Every problem in a file is reported, with its
/// line and column, in one <see cref="InputException"/>; the XML is treated as untrusted (see <see cref="GeniusXml"/>).
/// </summary>
public static class GeniusReader
{
    private const string IssueShape = "<issue index=\"1\" name=\"..\" type=\"discrete|integer|real\">";

    public static GeniusDomain ReadDomain(string path) => ReadDomain(GeniusXml.LoadFile(path), path);

    public static GeniusDomain ReadDomainText(string xml, string displayPath) =>
        ReadDomain(GeniusXml.LoadText(xml, displayPath), displayPath);

    /// <param name="warnings">Receives warnings (ignored weights), if given.</param>
    public static GeniusProfile ReadProfile(string path, GeniusDomain domain, ICollection<Diagnostic>? warnings = null) =>
        ReadProfile(GeniusXml.LoadFile(path), path, domain, warnings);

    public static GeniusProfile ReadProfileText(string xml, string displayPath, GeniusDomain domain, ICollection<Diagnostic>? warnings = null) =>
        ReadProfile(GeniusXml.LoadText(xml, displayPath), displayPath, domain, warnings);

    private static GeniusDomain ReadDomain(XDocument document, string file)
    {
        var report = new GeniusDiagnostics(file);
        var space = UtilitySpace(document, report);
        var issues = new List<GeniusIssue>();
        var objectives = new List<int>();
        string? rootName = null;
        foreach (var (element, _) in Walk(space))
        {
            if (element.Name.LocalName == "objective")
            {
                rootName ??= element.Attribute("name")?.Value;
                if (element.Attribute("index") is { } index && report.Integer(index) is { } objectiveIndex)
                {
                    objectives.Add(objectiveIndex);
                }
            }
            else if (element.Name.LocalName == "issue" && ReadDomainIssue(element, report) is { } issue)
            {
                if (issues.Any(i => i.Index == issue.Index))
                {
                    report.Error(element, $"issue index {issue.Index} is used twice; expected each issue to have its own index");
                }
                else
                {
                    issues.Add(issue);
                }
            }
        }

        if (issues.Count == 0 && report.Errors.Count == 0)
        {
            report.Error(space, "the domain has no issues; expected " + IssueShape + " elements inside an <objective>");
        }

        report.ThrowIfErrors();
        return new GeniusDomain(file, rootName ?? Path.GetFileNameWithoutExtension(file), issues, objectives);
    }

    private static GeniusIssue? ReadDomainIssue(XElement element, GeniusDiagnostics report)
    {
        var index = report.Integer(element, "index", IssueShape);
        var name = report.Required(element, "name", IssueShape);
        var type = IssueType(element, report);
        if (index is null || name is null || type is null)
        {
            return null;
        }

        var position = report.At(element);
        switch (type.Value)
        {
            case GeniusIssueType.Discrete:
                var items = new List<GeniusItem>();
                foreach (var item in element.Elements("item"))
                {
                    var value = report.Required(item, "value", "<item index=\"1\" value=\"..\"/>");
                    int? itemIndex = item.Attribute("index") is { } a ? report.Integer(a) : null;
                    if (value is null)
                    {
                        continue;
                    }

                    if (items.Any(i => i.Value == value))
                    {
                        report.Error(item, $"item '{value}' of issue '{name}' is listed twice; expected distinct item values");
                        continue;
                    }

                    items.Add(new GeniusItem(itemIndex, value, report.At(item)));
                }

                if (items.Count == 0 && !element.Elements("item").Any())
                {
                    report.Error(element, $"discrete issue '{name}' has no items; expected <item value=\"..\"/> elements");
                }

                return new GeniusIssue(index.Value, name, type.Value, items, 0, Math.Max(0, items.Count - 1), position);

            default:
                return Bounds(element, name, type.Value, report) is var (lower, upper)
                    ? new GeniusIssue(index.Value, name, type.Value, [], lower, upper, position)
                    : null;
        }
    }

    /// <summary>type, else vtype, else discrete (GENIUS's own fallback).</summary>
    private static GeniusIssueType? IssueType(XElement element, GeniusDiagnostics report)
    {
        var attribute = element.Attribute("type") ?? element.Attribute("vtype");
        if (attribute is null)
        {
            return GeniusIssueType.Discrete;
        }

        switch (attribute.Value.Trim().ToLowerInvariant())
        {
            case "discrete":
                return GeniusIssueType.Discrete;
            case "integer":
                return GeniusIssueType.Integer;
            case "real":
                return GeniusIssueType.Real;
            default:
                report.Error(attribute, $"unknown issue type '{attribute.Value}'; expected discrete, integer or real");
                return null;
        }
    }

    /// <summary>
    /// lowerbound/upperbound as attributes of the issue (GENIUS 10 integer issues) or of a &lt;range&gt; child
    /// (real issues, and integer issues in older files).
    /// </summary>
    private static (double Lower, double Upper)? Bounds(XElement issue, string name, GeniusIssueType type, GeniusDiagnostics report)
    {
        var holder = issue.Attribute("lowerbound") is not null || issue.Attribute("upperbound") is not null
            ? issue
            : issue.Element("range");
        var expected = type == GeniusIssueType.Integer
            ? "<issue .. type=\"integer\" lowerbound=\"0\" upperbound=\"10\"/>"
            : "<range lowerbound=\"0\" upperbound=\"1\"/> inside the real issue";
        if (holder is null)
        {
            report.Error(issue, $"{Describe(type)} issue '{name}' has no bounds; expected {expected}");
            return null;
        }

        double? lower, upper;
        if (type == GeniusIssueType.Integer)
        {
            lower = report.Integer(holder, "lowerbound", expected);
            upper = report.Integer(holder, "upperbound", expected);
        }
        else
        {
            lower = report.Number(holder, "lowerbound", expected);
            upper = report.Number(holder, "upperbound", expected);
        }

        if (lower is null || upper is null)
        {
            return null;
        }

        if (lower > upper || (type == GeniusIssueType.Real && lower == upper))
        {
            var relation = type == GeniusIssueType.Real ? "<" : "<=";
            report.Error(holder, $"bounds of issue '{name}' are reversed (lowerbound {Format(lower.Value)}, upperbound {Format(upper.Value)}); expected lowerbound {relation} upperbound");
            return null;
        }

        return (lower.Value, upper.Value);
    }

    private static GeniusProfile ReadProfile(XDocument document, string file, GeniusDomain domain, ICollection<Diagnostic>? warnings)
    {
        var report = new GeniusDiagnostics(file);
        var space = UtilitySpace(document, report);
        if (space.Attribute("type")?.Value is { } spaceType && !spaceType.Equals("linear", StringComparison.OrdinalIgnoreCase)
            || space.Descendants().Any(e => e.Name.LocalName is "utility" or "ufun" or "hyperRectangle"))
        {
            report.Error(space, "non-linear (hyper-rectangle) utility spaces are not supported; expected a linear additive profile with <weight> and evaluations per issue");
            report.ThrowIfErrors();
        }

        var evaluators = new Dictionary<int, GeniusEvaluator>();
        var seen = new HashSet<int>();
        var weightElements = new List<XElement>();
        var objectiveIndices = new HashSet<int>(domain.ObjectiveIndices);
        XElement anchor = space;
        foreach (var (element, _) in Walk(space))
        {
            switch (element.Name.LocalName)
            {
                case "objective":
                    anchor = anchor == space ? element : anchor;
                    if (element.Attribute("index") is { } index && int.TryParse(index.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var objectiveIndex))
                    {
                        objectiveIndices.Add(objectiveIndex);
                    }

                    break;
                case "weight":
                    weightElements.Add(element);
                    break;
                case "issue":
                    ReadProfileIssue(element, domain, report, evaluators, seen);
                    break;
            }
        }

        foreach (var issue in domain.Issues.Where(i => !seen.Contains(i.Index)))
        {
            report.Error(anchor, $"the profile does not evaluate issue '{issue.Name}' (index {issue.Index}); expected an <issue index=\"{issue.Index}\"> with its evaluations, as in the domain");
        }

        var weights = ReadWeights(weightElements, domain, objectiveIndices, report, anchor);
        var reservation = 0.0;
        if (space.Element("reservation") is { } reservationElement
            && report.Number(reservationElement, "value", "<reservation value=\"0.3\"/>") is { } r)
        {
            if (r is < 0 or > 1)
            {
                report.Error(reservationElement, $"reservation value {Format(r)} is outside [0, 1]; expected a utility between 0 and 1");
            }

            reservation = r;
        }

        double? discount = null;
        if (space.Element("discount_factor") is { } discountElement)
        {
            discount = report.Number(discountElement, "value", "<discount_factor value=\"0.9\"/>");
        }

        report.ThrowIfErrors();
        if (warnings is not null)
        {
            foreach (var warning in report.Warnings)
            {
                warnings.Add(warning);
            }
        }

        return new GeniusProfile(file, weights, evaluators, reservation, discount, report.At(anchor));
    }

    private static Dictionary<int, double> ReadWeights(
        List<XElement> elements, GeniusDomain domain, HashSet<int> objectiveIndices, GeniusDiagnostics report, XElement anchor)
    {
        const string shape = "<weight index=\"1\" value=\"0.5\"/>";
        var weights = new Dictionary<int, double>();
        foreach (var element in elements)
        {
            var index = report.Integer(element, "index", shape);
            var value = report.Number(element, "value", shape);
            if (index is null || value is null)
            {
                continue;
            }

            if (domain.IssueByIndex(index.Value) is null)
            {
                if (objectiveIndices.Contains(index.Value))
                {
                    report.Warning(element, $"weight of objective {index.Value} ignored; GENIUS's linear utility uses issue weights only");
                }
                else
                {
                    report.Error(element, $"weight for unknown issue index {index.Value}; expected one of the domain's issue indices {string.Join(", ", domain.Issues.Select(i => i.Index))}");
                }

                continue;
            }

            if (value < 0)
            {
                report.Error(element, $"weight {Format(value.Value)} of issue index {index.Value} is negative; expected a weight >= 0");
            }
            else if (!weights.TryAdd(index.Value, value.Value))
            {
                report.Error(element, $"issue index {index.Value} is weighted twice; expected one <weight> per issue");
            }
        }

        foreach (var issue in domain.Issues.Where(i => !weights.ContainsKey(i.Index)
                     && !elements.Any(e => e.Attribute("index")?.Value.Trim() == i.Index.ToString(CultureInfo.InvariantCulture))))
        {
            report.Error(anchor, $"missing weight for issue '{issue.Name}' (index {issue.Index}); expected <weight index=\"{issue.Index}\" value=\"..\"/>");
        }

        return weights;
    }

    private static void ReadProfileIssue(
        XElement element, GeniusDomain domain, GeniusDiagnostics report, Dictionary<int, GeniusEvaluator> evaluators, HashSet<int> seen)
    {
        var index = report.Integer(element, "index", IssueShape);
        if (index is null)
        {
            return;
        }

        var issue = domain.IssueByIndex(index.Value);
        if (issue is null)
        {
            report.Error(element, $"unknown issue index {index.Value} in the profile; expected one of the domain's issue indices {string.Join(", ", domain.Issues.Select(i => i.Index))}");
            return;
        }

        if (!seen.Add(issue.Index))
        {
            report.Error(element, $"issue index {issue.Index} is evaluated twice; expected one <issue> per domain issue");
            return;
        }

        var name = element.Attribute("name")?.Value;
        if (name is not null && name != issue.Name)
        {
            report.Error(element, $"profile issue {issue.Index} is named '{name}' but the domain's issue {issue.Index} is '{issue.Name}'; expected the profile to repeat the domain's issues");
            return;
        }

        var type = IssueType(element, report);
        if (type is null)
        {
            return;
        }

        if (type != issue.Type)
        {
            report.Error(element, $"profile issue '{issue.Name}' is {Describe(type.Value)} but the domain's is {Describe(issue.Type)}; expected the profile to repeat the domain's issues");
            return;
        }

        GeniusEvaluator? evaluator = issue.Type switch
        {
            GeniusIssueType.Discrete => ReadDiscrete(element, issue, report),
            GeniusIssueType.Integer => ReadInteger(element, issue, report),
            _ => ReadReal(element, issue, report),
        };
        if (evaluator is not null)
        {
            evaluators[issue.Index] = evaluator;
        }
    }

    private static GeniusDiscreteEvaluator? ReadDiscrete(XElement element, GeniusIssue issue, GeniusDiagnostics report)
    {
        var evaluations = new Dictionary<string, double>(StringComparer.Ordinal);
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        var errors = report.Errors.Count;
        foreach (var item in element.Elements("item"))
        {
            var value = report.Required(item, "value", "<item value=\"..\" evaluation=\"..\"/>");
            if (value is null)
            {
                continue;
            }

            if (issue.IndexOfItem(value) < 0)
            {
                report.Error(item, $"evaluation for unknown item '{value}' of issue '{issue.Name}'; expected one of {string.Join(", ", issue.Items.Select(i => $"'{i.Value}'"))}");
                continue;
            }

            if (!mentioned.Add(value))
            {
                report.Error(item, $"item '{value}' of issue '{issue.Name}' is evaluated twice; expected one evaluation per item");
                continue;
            }

            var attribute = item.Attribute("evaluation");
            if (attribute is null || attribute.Value.Trim() == "null")
            {
                report.Error(item, $"item '{value}' of issue '{issue.Name}' has no evaluation; expected evaluation=\"<number>\"");
                continue;
            }

            if (report.Number(attribute) is not { } evaluation)
            {
                continue;
            }

            if (evaluation < 0)
            {
                report.Error(attribute, $"evaluation {Format(evaluation)} of item '{value}' is negative; expected an evaluation >= 0");
                continue;
            }

            evaluations[value] = evaluation;
        }

        foreach (var item in issue.Items.Where(i => !mentioned.Contains(i.Value)))
        {
            report.Error(element, $"item '{item.Value}' of issue '{issue.Name}' has no evaluation in the profile; expected <item value=\"{item.Value}\" evaluation=\"..\"/>");
        }

        return report.Errors.Count == errors ? new GeniusDiscreteEvaluator(evaluations) : null;
    }

    /// <summary>
    /// GENIUS 10: &lt;evaluator ftype="linear" slope=".." offset=".."/&gt;, e = slope·(x − lower) + offset.
    /// Older files give parameter1 (slope) and parameter0 (intercept) of e = parameter1·x + parameter0, which is
    /// the same line with offset = parameter1·lower + parameter0; ftype="constant" is a flat line at parameter0.
    /// </summary>
    private static GeniusIntegerEvaluator? ReadInteger(XElement element, GeniusIssue issue, GeniusDiagnostics report)
    {
        const string shape = "<evaluator ftype=\"linear\" slope=\"..\" offset=\"..\"/>";
        if (!SameBounds(element, issue, report))
        {
            return null;
        }

        var evaluator = element.Element("evaluator");
        if (evaluator is null)
        {
            report.Error(element, $"integer issue '{issue.Name}' has no evaluator; expected {shape}");
            return null;
        }

        var ftype = evaluator.Attribute("ftype");
        var function = ftype?.Value.Trim().ToLowerInvariant() ?? "linear";
        if (function is not ("linear" or "constant"))
        {
            report.Error(ftype!, $"unknown ftype '{ftype!.Value}' for integer issue '{issue.Name}'; expected linear (or constant in older files)");
            return null;
        }

        if (function == "constant")
        {
            return report.Number(evaluator, "parameter0", "<evaluator ftype=\"constant\" parameter0=\"..\"/>") is { } level
                ? new GeniusIntegerEvaluator(0, level)
                : null;
        }

        if (evaluator.Attribute("slope") is null && evaluator.Attribute("offset") is null
            && (evaluator.Attribute("parameter0") is not null || evaluator.Attribute("parameter1") is not null))
        {
            var intercept = report.Number(evaluator, "parameter0", shape);
            var coefficient = report.Number(evaluator, "parameter1", shape);
            return intercept is null || coefficient is null
                ? null
                : new GeniusIntegerEvaluator(coefficient.Value, coefficient.Value * issue.Lower + intercept.Value);
        }

        var slope = report.Number(evaluator, "slope", shape);
        var offset = report.Number(evaluator, "offset", shape);
        return slope is null || offset is null ? null : new GeniusIntegerEvaluator(slope.Value, offset.Value);
    }

    private static GeniusRealEvaluator? ReadReal(XElement element, GeniusIssue issue, GeniusDiagnostics report)
    {
        const string shape = "<evaluator ftype=\"linear|constant|triangular\" parameter0=\"..\" parameter1=\"..\" [parameter2=\"..\"]/>";
        if (!SameBounds(element, issue, report))
        {
            return null;
        }

        var evaluator = element.Element("evaluator");
        if (evaluator is null)
        {
            report.Error(element, $"real issue '{issue.Name}' has no evaluator; expected {shape}");
            return null;
        }

        var ftype = report.Required(evaluator, "ftype", shape);
        if (ftype is null)
        {
            return null;
        }

        switch (ftype.Trim().ToLowerInvariant())
        {
            case "linear":
            {
                var p0 = report.Number(evaluator, "parameter0", shape);
                var p1 = report.Number(evaluator, "parameter1", shape);
                return p0 is null || p1 is null ? null : new GeniusRealEvaluator(GeniusRealFunction.Linear, p0.Value, p1.Value);
            }

            case "constant":
            {
                if (report.Number(evaluator, "parameter0", shape) is not { } level)
                {
                    return null;
                }

                if (level is < 0 or > 1)
                {
                    report.Error(evaluator, $"constant evaluation {Format(level)} of issue '{issue.Name}' is outside [0, 1]; expected parameter0 between 0 and 1");
                    return null;
                }

                return new GeniusRealEvaluator(GeniusRealFunction.Constant, level, 0);
            }

            case "triangular":
            {
                var lower = report.Number(evaluator, "parameter0", shape);
                var upper = report.Number(evaluator, "parameter1", shape);
                var top = report.Number(evaluator, "parameter2", shape);
                if (lower is null || upper is null || top is null)
                {
                    return null;
                }

                if (!(lower < top && top < upper))
                {
                    report.Error(evaluator, $"triangular evaluator of issue '{issue.Name}' has parameter0 {Format(lower.Value)}, parameter2 {Format(top.Value)}, parameter1 {Format(upper.Value)}; expected parameter0 (lower end) < parameter2 (peak) < parameter1 (upper end)");
                    return null;
                }

                return new GeniusRealEvaluator(GeniusRealFunction.Triangular, lower.Value, upper.Value, top.Value);
            }

            default:
                report.Error(evaluator.Attribute("ftype")!, $"unknown ftype '{ftype}' for real issue '{issue.Name}'; expected linear, constant or triangular");
                return null;
        }
    }

    /// <summary>A profile may repeat an integer or real issue's bounds; they must then be the domain's.</summary>
    private static bool SameBounds(XElement element, GeniusIssue issue, GeniusDiagnostics report)
    {
        var holder = element.Attribute("lowerbound") is not null || element.Attribute("upperbound") is not null
            ? element
            : element.Element("range");
        if (holder is null)
        {
            return true;
        }

        var lower = holder.Attribute("lowerbound") is { } l ? report.Number(l) : issue.Lower;
        var upper = holder.Attribute("upperbound") is { } u ? report.Number(u) : issue.Upper;
        if (lower is null || upper is null)
        {
            return false;
        }

        if (lower != issue.Lower || upper != issue.Upper)
        {
            report.Error(holder, $"profile bounds [{Format(lower.Value)}, {Format(upper.Value)}] of issue '{issue.Name}' differ from the domain's [{Format(issue.Lower)}, {Format(issue.Upper)}]; expected the profile to repeat the domain's issues");
            return false;
        }

        return true;
    }

    /// <summary>The &lt;utility_space&gt; element: the root, or the child of a &lt;negotiation_template&gt; root.</summary>
    private static XElement UtilitySpace(XDocument document, GeniusDiagnostics report)
    {
        var root = document.Root!;
        var space = root.Name.LocalName switch
        {
            "utility_space" => root,
            "negotiation_template" => root.Element("utility_space"),
            _ => null,
        };
        if (space is null)
        {
            report.Error(root, root.Name.LocalName == "negotiation_template"
                ? "<negotiation_template> has no <utility_space>; expected the domain's issues inside <utility_space><objective>"
                : $"root element is <{root.Name.LocalName}>; expected <negotiation_template> (a domain) or <utility_space> (a profile)");
            report.ThrowIfErrors();
        }

        return space!;
    }

    /// <summary>Issues, weights and objectives in document order; objectives may nest, issues do not hold issues.</summary>
    private static IEnumerable<(XElement Element, int Depth)> Walk(XElement container, int depth = 0)
    {
        foreach (var child in container.Elements())
        {
            yield return (child, depth);
            if (child.Name.LocalName == "objective")
            {
                foreach (var nested in Walk(child, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Describe(GeniusIssueType type) => type switch
    {
        GeniusIssueType.Discrete => "discrete",
        GeniusIssueType.Integer => "integer",
        _ => "real",
    };

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
