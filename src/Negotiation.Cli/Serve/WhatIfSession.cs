using System.Globalization;
using System.Text;
using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Reporting.Summaries;
using Negotiation.Scenarios;
using Negotiation.Scenarios.Yaml;
using Negotiation.Simulation.MonteCarlo;

namespace Negotiation.Cli.Serve;

/// <summary>A what-if checked and loaded, ready to simulate: the variants to run (baseline first) and the overrides behind the what-if.</summary>
/// <param name="Set">Baseline, then the what-if variant (when there are changes), then the chosen variants in file order.</param>
/// <param name="Overrides">The changes as the loader applied them to the baseline (a shift is one override per moved field).</param>
public sealed record WhatIfPlan(WhatIfSettings Settings, ScenarioSet Set, IReadOnlyList<ParameterOverride> Overrides, string Fingerprint)
{
    public bool HasWhatIf => Overrides.Count > 0;

    public IReadOnlyList<string> VariantIds => Set.Variants.Select(v => v.Id).ToArray();
}

/// <summary>Where a saved what-if went: the report directory and the YAML variant block beside it.</summary>
public sealed record SavedWhatIf(string ReportDirectory, string VariantFile, string Yaml);

/// <summary>
/// The scenario one <c>negotiate serve</c> answers about, read once at startup, and everything the what-if page
/// can do with it: check settings with the command line's rules and messages, simulate them with the seed of
/// <c>negotiate run</c> (so every update runs on the same sampled futures and its differences are paired), write
/// the YAML variant block they stand for, and save the report <c>negotiate run</c> would write for that variant.
/// Thread-safe: every request builds its own plan.
/// </summary>
public sealed class WhatIfSession
{
    /// <summary>The most runs one update may ask for: about ten seconds on two cores for the shipped scenarios.</summary>
    public const long MaxRuns = 1_000_000;

    /// <summary>The most changes one what-if may make.</summary>
    public const int MaxChanges = 256;

    /// <summary>The longest parameter path accepted from the page.</summary>
    public const int MaxPathLength = 300;

    private readonly byte[] _bytes;
    private readonly string _text;
    private readonly Dictionary<string, WhatIfParameter> _byNode;

    private WhatIfSession(string sourcePath, byte[] bytes, string text, ScenarioSet set, ulong seed, int threads, long defaultRuns, string outRoot, string theme, bool charts)
    {
        Charts = charts;
        SourcePath = sourcePath;
        _bytes = bytes;
        _text = text;
        Set = set;
        Seed = seed;
        Threads = threads;
        DefaultRuns = defaultRuns;
        OutRoot = outRoot;
        Theme = theme;
        WhatIfId = UniqueId(set, "what-if");
        Parameters = [];
        _byNode = [];
    }

    /// <summary>The scenario file as given on the command line (reports show this path, as <c>negotiate run</c>'s do).</summary>
    public string SourcePath { get; }

    public ScenarioSet Set { get; }

    public ulong Seed { get; }

    public int Threads { get; }

    /// <summary>The run count the page starts with (and the startup run's, which ranks the parameters).</summary>
    public long DefaultRuns { get; }

    /// <summary>The folder saved reports go under (named at startup; out/&lt;scenario&gt;-serve by default).</summary>
    public string OutRoot { get; }

    public string Theme { get; }

    /// <summary>Whether saved reports get PNG/SVG chart files (as <c>negotiate run</c> without <c>--no-charts</c>).</summary>
    public bool Charts { get; }

    /// <summary>The id of the what-if variant: "what-if", or "what-if-2"... when the file already has one.</summary>
    public string WhatIfId { get; }

    /// <summary>The baseline's uncertain parameters with a control, the most influential first.</summary>
    public IReadOnlyList<WhatIfParameter> Parameters { get; private set; }

    /// <summary>
    /// Reads and loads <paramref name="path"/> (every problem thrown as one <see cref="InputException"/>, as the
    /// loader does) and ranks its parameters by a startup run of all variants with <paramref name="defaultRuns"/> runs.
    /// </summary>
    /// <param name="outRoot">Where saved reports go; null for out/&lt;scenario id&gt;-serve.</param>
    public static WhatIfSession Load(string path, ulong seed, int threads, long defaultRuns, string? outRoot, string theme, bool charts = true, CancellationToken cancellation = default)
    {
        var top = new SourcePosition(path, 1, 1);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputException(Diagnostic.Error(top, "the file does not exist; expected a path to a scenario .yaml file"));
            }

            if (info.Length > ScenarioLoader.MaxBytes)
            {
                throw new InputException(Diagnostic.Error(top, $"the file is {info.Length} bytes; expected at most {ScenarioLoader.MaxBytes} bytes (1 MiB) for a scenario"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Diagnostic.Error(top, $"the file cannot be read ({e.Message}); expected a readable scenario file"));
        }

        // Decoded as File.ReadAllText decodes it for `negotiate run` (a byte-order mark is dropped).
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var set = ScenarioLoader.LoadText(text, path);
        var session = new WhatIfSession(path, bytes, text, set, seed, threads, defaultRuns, outRoot ?? Path.Combine("out", set.Metadata.Id + "-serve"), theme, charts);
        session.RankParameters(cancellation);
        return session;
    }

    private void RankParameters(CancellationToken cancellation)
    {
        var plan = SimulationPlan.Compile(Set);
        var baseline = plan.Variants[0];
        var result = MonteCarloRunner.Run(plan, new RunRequest(Seed, DefaultRuns, Threads), Fingerprint([]), cancellation: cancellation);
        var summary = SummaryBuilder.Build(result);
        var influence = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in summary.Variants.SelectMany(v => v.Sensitivity))
        {
            var size = Math.Max(Math.Abs(entry.Agreement), Math.Abs(entry.Survival));
            influence[entry.Parameter] = Math.Max(influence.GetValueOrDefault(entry.Parameter), double.IsFinite(size) ? size : 0);
        }

        var (tree, _) = YamlTreeReader.Read(_text, SourcePath);
        var root = ((YamlMapping)tree!).Without("variants").Without("baseline");
        var table = baseline.Parameters;
        var names = new HashSet<string>(table.Paths, StringComparer.Ordinal);
        var parameters = new List<WhatIfParameter>();
        foreach (var slot in baseline.UncertainSlots)
        {
            var name = table.Paths[slot];
            var distribution = table.Values[slot];
            if (WhatIfParameter.FindNode(root, name, distribution, names) is not { } node)
            {
                continue;   // not written as one distribution in the file; it can still be pinned by path through the API
            }

            var mapping = (YamlMapping)Scenarios.Paths.NodePath.Parse(node)!.Get(root, out _)!;
            parameters.Add(new WhatIfParameter(name, node, distribution, WhatIfParameter.ShiftFieldsOf(mapping, distribution), influence.GetValueOrDefault(name)));
        }

        Parameters = parameters
            .OrderByDescending(p => p.Influence)
            .ThenBy(p => p.Parameter, StringComparer.Ordinal)
            .ToArray();
        foreach (var p in Parameters)
        {
            _byNode[p.NodePath] = p;
        }
    }

    /// <summary>
    /// Checks <paramref name="settings"/> as the command line checks the same options (run count, variant ids,
    /// parameter overrides through the scenario loader) and loads the what-if.
    /// </summary>
    /// <exception cref="WhatIfInputException">Anything the command line would refuse, with its messages.</exception>
    public WhatIfPlan Prepare(WhatIfSettings settings)
    {
        Guard.NotNull(settings);
        var errors = new List<string>();
        var captured = Captured(errors);
        if (CommonOptions.CheckRunsAndThreads(captured, settings.Runs, 1) is null && settings.Runs > MaxRuns)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture, "--runs must be at most {0:N0} per update on the what-if page, got {1:N0}; use negotiate run for more", MaxRuns, settings.Runs));
        }

        var variants = settings.Variants ?? [];
        ScenarioInput.CheckVariants(captured, Set, variants.Where(v => v != WhatIfId).ToArray());
        if (variants.Contains(Set.Baseline.Id))
        {
            errors.Add($"--variant '{Set.Baseline.Id}' is the baseline, which always runs; expected other variants");
        }

        if (variants.Contains(WhatIfId))
        {
            errors.Add($"--variant '{WhatIfId}' is the what-if itself; it runs when a parameter is changed");
        }

        if (variants.Distinct().Count() != variants.Count)
        {
            errors.Add("--variant: a variant is listed twice");
        }

        var overrides = Overrides(settings.Changes ?? [], errors);
        if (errors.Count > 0)
        {
            throw new WhatIfInputException(errors);
        }

        ScenarioSet loaded;
        try
        {
            loaded = overrides.Count == 0 ? Set : ScenarioLoader.LoadText(_text, SourcePath, overrides, Set.Baseline.Id);
        }
        catch (InputException e)
        {
            throw new WhatIfInputException(e.Diagnostics.Select(d => d.ToString()).ToArray());
        }

        var chosen = new List<VariantScenario> { Set.Baseline };
        if (overrides.Count > 0)
        {
            chosen.Add(new VariantScenario(WhatIfId, WhatIfName, Describe(settings.Changes!), loaded.Baseline.Scenario));
        }

        chosen.AddRange(Set.Variants.Skip(1).Where(v => variants.Contains(v.Id)));
        var set = new ScenarioSet(SourcePath, chosen);
        return new WhatIfPlan(settings, set, overrides, Fingerprint(set.Variants.Select(v => v.Id), overrides));
    }

    /// <summary>The name the what-if variant has on the page, in reports and in its YAML block.</summary>
    public const string WhatIfName = "What if";

    /// <summary>Simulates the plan's variants; throws <see cref="OperationCanceledException"/> when cancelled before the end.</summary>
    public MonteCarloResult Run(WhatIfPlan plan, CancellationToken cancellation)
    {
        var simulation = SimulationPlan.Compile(plan.Set);
        var result = MonteCarloRunner.Run(simulation, new RunRequest(Seed, plan.Settings.Runs, Threads), plan.Fingerprint, cancellation: cancellation);
        if (!result.Complete)
        {
            throw new OperationCanceledException(cancellation);
        }

        return result;
    }

    /// <summary>
    /// The YAML the settings stand for: the what-if as a variant block to paste right under <c>variants:</c> (the
    /// line itself when the file has none), and the <c>negotiate run</c> command that then writes the same report.
    /// </summary>
    public string VariantBlock(WhatIfPlan plan)
    {
        var inv = CultureInfo.InvariantCulture;
        var file = Path.GetFileName(SourcePath);
        var text = new StringBuilder();
        var variantFlags = string.Concat(plan.VariantIds.Skip(1).Select(id => " --variant " + id));
        if (plan.VariantIds.Count == 1)
        {
            variantFlags = " --variant " + Set.Baseline.Id;
        }

        var command = string.Format(inv, "negotiate run {0}{1} --runs {2} --seed {3}", file, variantFlags, plan.Settings.Runs, Seed);
        if (!plan.HasWhatIf)
        {
            text.Append("# No parameter is changed: the page shows the scenario as written. The same figures:\n");
            text.Append("#   ").Append(command).Append('\n');
            return text.ToString();
        }

        var (indent, hasSection) = VariantIndent();
        text.Append(hasSection
            ? $"# Paste right under the line 'variants:' of {file}, then run:\n"
            : $"# Append to the end of {file}, then run:\n");
        text.Append("#   ").Append(command).Append('\n');
        if (!hasSection)
        {
            text.Append("variants:\n");
        }

        var pad = new string(' ', indent);
        text.Append(pad).Append(WhatIfId).Append(":\n");
        text.Append(pad).Append("  name: ").Append(WhatIfName).Append('\n');
        text.Append(pad).Append("  description: ").Append(Quoted(plan.Set.Variants[1].Description!)).Append('\n');
        text.Append(pad).Append("  set:\n");
        foreach (var o in plan.Overrides)
        {
            text.Append(pad).Append("    ").Append(o.Path).Append(": ").Append(WhatIfParameter.Format(o.Value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the report <c>negotiate run</c> writes for these settings to <see cref="OutRoot"/>/<paramref name="name"/>
    /// and the variant block to <see cref="OutRoot"/>/<paramref name="name"/>.variant.yaml; nothing else, nowhere else.
    /// </summary>
    /// <exception cref="WhatIfInputException">The name is not a plain folder name, or the folder holds something other than a report.</exception>
    public SavedWhatIf Save(WhatIfPlan plan, string name, CancellationToken cancellation)
    {
        if (!IsPlainName(name))
        {
            throw new WhatIfInputException($"name '{Clip(name)}': expected 1 to 64 letters, digits, '-' or '_', starting with a letter or digit (the report goes to {OutRoot}{Path.DirectorySeparatorChar}NAME)");
        }

        var directory = Path.Combine(OutRoot, name);
        var result = Run(plan, cancellation);
        var summary = SummaryBuilder.Build(result);
        var errors = new StringWriter();
        var context = new CliContext(TextWriter.Null, errors, false, _ => null, CancellationToken.None);
        try
        {
            ReportOutput.Write(context, summary, result, directory, Theme, Charts, perRunCsv: null);
        }
        catch (IOException e)
        {
            throw new WhatIfInputException($"cannot write the report to {directory}: {e.Message}");
        }

        var yaml = VariantBlock(plan);
        var variantFile = directory + ".variant.yaml";
        AtomicFile.WriteAllText(variantFile, yaml);
        return new SavedWhatIf(directory, variantFile, yaml);
    }

    private List<ParameterOverride> Overrides(IReadOnlyList<WhatIfChange> changes, List<string> errors)
    {
        var overrides = new List<ParameterOverride>();
        if (changes.Count > MaxChanges)
        {
            errors.Add($"{changes.Count} parameter changes; at most {MaxChanges}");
            return overrides;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var path = change.Path ?? "";
            if (path.Length == 0 || path.Length > MaxPathLength)
            {
                errors.Add($"a parameter change has a path of {path.Length} characters; expected a dotted path such as actors.russia.reservation, at most {MaxPathLength} characters");
                continue;
            }

            var prefix = $"parameter override '{path}'";
            if (!seen.Add(path))
            {
                errors.Add($"{prefix}: changed twice; change each parameter once");
                continue;
            }

            if (change.Pin is { } pin == change.Shift is { })
            {
                errors.Add($"{prefix}: give either pin (a value) or shift (an amount), not {(change.Pin is null ? "neither" : "both")}");
                continue;
            }

            if (change.Pin is { } value)
            {
                // Checked by the loader, as for sweep's --param: the path must exist and hold a number or a distribution.
                overrides.Add(new ParameterOverride(path, value));
                continue;
            }

            var shift = change.Shift!.Value;
            if (!_byNode.TryGetValue(path, out var parameter) || !parameter.Shiftable)
            {
                var hint = Suggestions.Closest(path, _byNode.Keys) is { } near ? $" (did you mean {near}?)" : "";
                errors.Add($"{prefix}: a shift needs one of the baseline's uncertain parameters written as a distribution{hint}; pin a value instead");
                continue;
            }

            if (!double.IsFinite(shift))
            {
                errors.Add($"{prefix}: the shift is {shift.ToString(CultureInfo.InvariantCulture)}; expected a finite number");
                continue;
            }

            if (shift != 0)
            {
                overrides.AddRange(parameter.Shifted(shift).Select(f => new ParameterOverride(f.Path, f.Value)));
            }
        }

        return overrides;
    }

    private static string Describe(IReadOnlyList<WhatIfChange> changes) =>
        "Set on the what-if page: " + string.Join("; ", changes
            .Where(c => c.Pin is not null || c.Shift is not 0)
            .Select(c => c.Pin is { } pin
                ? $"{c.Path} pinned at {WhatIfParameter.Format(pin)}"
                : $"{c.Path} shifted by {(c.Shift > 0 ? "+" : "")}{WhatIfParameter.Format(c.Shift!.Value)}")) + ".";

    /// <summary>The column of the file's variant ids (two spaces when it has no variants), and whether it has the section.</summary>
    private (int Indent, bool HasSection) VariantIndent()
    {
        var (tree, _) = YamlTreeReader.Read(_text, SourcePath);
        var root = tree as YamlMapping;
        return root?["variants"] is YamlMapping { Entries.Count: > 0 } variants
            ? (variants.Entries[0].Key.Position.Column - 1, true)
            : (2, root?["variants"] is not null);
    }

    private string Fingerprint(IEnumerable<string> variantIds, IEnumerable<ParameterOverride>? overrides = null) =>
        ScenarioInput.Fingerprint(_bytes, variantIds.Any() ? variantIds : Set.Variants.Select(v => v.Id), overrides);

    private static CliContext Captured(List<string> errors) =>
        new(TextWriter.Null, new MessageWriter(errors), false, _ => null, CancellationToken.None);

    private static string Quoted(string text) =>
        System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Clip(string? text) => text is null ? "" : text.Length <= 60 ? text : text[..57] + "...";

    private static bool IsPlainName(string? name) =>
        name is { Length: >= 1 and <= 64 } && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string UniqueId(ScenarioSet set, string id)
    {
        var taken = set.Variants.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var candidate = id;
        for (var k = 2; taken.Contains(candidate); k++)
        {
            candidate = $"{id}-{k}";
        }

        return candidate;
    }

    /// <summary>Collects the lines a command-line check writes to stderr, without its "negotiate: error: " prefix.</summary>
    private sealed class MessageWriter(List<string> messages) : TextWriter
    {
        private const string Prefix = "negotiate: error: ";

        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                messages.Add(value.StartsWith(Prefix, StringComparison.Ordinal) ? value[Prefix.Length..] : value);
            }
        }
    }
}
