using System.Text;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Scenarios.Binding;
using Negotiation.Scenarios.Yaml;

namespace Negotiation.Scenarios;

/// <summary>
/// Loads a YAML scenario file (format: docs/scenario-format.md) into a validated <see cref="ScenarioSet"/>:
/// the baseline first, then each variant with its overrides applied, every one fully validated. Any problem
/// in the file — syntax, unknown keys, wrong types, impossible numbers, dangling references, bad variant
/// paths — is collected, and all of them are thrown together in one <see cref="InputException"/>.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The largest scenario file read, checked before parsing: real scenarios are a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string DefaultBaselineId = "baseline";

    /// <param name="overridesVariant">When set, <paramref name="overrides"/> apply to that variant only (its id, or the
    /// baseline's id) and the others load as written — so a sweep can change a node that only its variant has.</param>
    public static ScenarioSet Load(string path, IReadOnlyList<ParameterOverride>? overrides = null, string? overridesVariant = null)
    {
        Guard.NotNull(path);
        var top = new SourcePosition(path, 1, 1);
        string text;
        try
        {
            var kind = FileKinds.Of(path);
            if (kind == FileKind.Missing)
            {
                throw new InputException(Diagnostic.Error(top, path.Length == 0
                    ? "the file name is empty; expected a path to a scenario .yaml file"
                    : "the file does not exist; expected a path to a scenario .yaml file"));
            }

            if (kind == FileKind.Directory)
            {
                throw new InputException(Diagnostic.Error(top, "this is a directory; expected a path to a scenario .yaml file"));
            }

            if (kind == FileKind.Regular && new FileInfo(path).Length is var length and > MaxBytes)
            {
                throw new InputException(TooLarge(top, length));
            }

            // Read through the limit whatever the file is: /dev/zero, /dev/urandom or an endless FIFO stop at 1 MiB + 1.
            var bytes = BoundedFile.Read(path, MaxBytes) ?? throw new InputException(TooLarge(top, null));
            text = new UTF8Encoding(false).GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Diagnostic.Error(top, $"the file cannot be read ({e.Message}); expected a readable scenario file"));
        }

        return LoadText(text, path, overrides, overridesVariant);
    }

    /// <param name="overridesVariant">As for <see cref="Load"/>.</param>
    public static ScenarioSet LoadText(string yaml, string displayPath, IReadOnlyList<ParameterOverride>? overrides = null, string? overridesVariant = null)
    {
        Guard.NotNull(yaml);
        Guard.NotNull(displayPath);
        var top = new SourcePosition(displayPath, 1, 1);
        var size = Encoding.UTF8.GetByteCount(yaml);
        if (size > MaxBytes)
        {
            throw new InputException(TooLarge(top, size));
        }

        var (root, readErrors) = YamlTreeReader.Read(yaml, displayPath);
        if (readErrors.Count > 0)
        {
            throw new InputException(readErrors);
        }

        if (root is not YamlMapping mapping)
        {
            var what = root is null ? "empty" : root.Describe();
            throw new InputException(Diagnostic.Error(root?.Position ?? top,
                $"the file is {what}; expected a scenario mapping starting with schemaVersion: 1"));
        }

        var set = Bind(mapping, displayPath, top, overrides ?? [], overridesVariant);
        return set ?? throw new InputException(Diagnostic.Error(top, "the scenario could not be loaded; expected a valid scenario"));
    }

    private static ScenarioSet? Bind(YamlMapping file, string displayPath, SourcePosition top, IReadOnlyList<ParameterOverride> overrides, string? overridesVariant)
    {
        var diagnostics = new DiagnosticBag();
        var context = new BindContext(diagnostics);
        var defaultId = Path.GetFileNameWithoutExtension(displayPath);
        var baseRoot = file.Without("variants").Without("baseline");
        var (baselineId, baselineName, baselineDescription, baselineShort) = BindBaseline(context, file["baseline"]);

        IReadOnlyList<ParameterOverride> For(string id) => overridesVariant is null || overridesVariant == id ? overrides : [];
        var baselineRoot = VariantsBinder.ApplyOverrides(context, baseRoot, For(baselineId), top);
        var baseline = ScenarioBinder.Bind(context, baselineRoot, defaultId);
        var variants = new List<VariantScenario>();
        if (baseline is not null)
        {
            variants.Add(new VariantScenario(baselineId, baselineName ?? baseline.Metadata.Title, baselineDescription, baseline) { Short = baselineShort });
        }

        foreach (var variant in VariantsBinder.Bind(context, file["variants"], baseRoot, baselineId))
        {
            // A variant's own bag, so that problems the baseline already reported are not repeated for every
            // variant, and new ones say which variant they come from.
            var variantContext = new BindContext(new DiagnosticBag());
            var root = VariantsBinder.ApplyOverrides(variantContext, variant.Root, For(variant.Id), top);
            var scenario = ScenarioBinder.Bind(variantContext, root, defaultId);
            foreach (var diagnostic in variantContext.Diagnostics.Items)
            {
                if (!diagnostics.Contains(diagnostic))
                {
                    diagnostics.Error(diagnostic.Position, $"variant '{variant.Id}': {diagnostic.Message}");
                }
            }

            if (scenario is not null)
            {
                variants.Add(new VariantScenario(variant.Id, variant.Name, variant.Description, scenario)
                {
                    OnlyOpeningDiffers = VariantsBinder.OnlyOpeningDiffers(baselineRoot, root),
                    Short = variant.Short,
                });
            }
        }

        if (diagnostics.HasErrors)
        {
            // In file order, as an editor lists them; OrderBy is stable, so problems at one place keep the order found.
            var sorted = diagnostics.Items.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ToList();
            if (diagnostics.Truncated)
            {
                sorted.Add(DiagnosticBag.TooMany(top));
            }

            throw new InputException(sorted);
        }

        return baseline is null ? null : new ScenarioSet(displayPath, variants);
    }

    private static (string Id, string? Name, string? Description, string? Short) BindBaseline(BindContext context, YamlNode? node)
    {
        if (node is null || node is YamlScalar { IsNull: true } || context.Fields(node, "baseline", "id", "name", "short", "description") is not { } fields)
        {
            return (DefaultBaselineId, null, null, null);
        }

        var id = fields.Text("id") ?? DefaultBaselineId;
        return (id, fields.Text("name"), fields.Text("description"), fields.Short());
    }

    private static Diagnostic TooLarge(SourcePosition top, long? size) =>
        Diagnostic.Error(top, $"the file is {(size is { } n ? $"{n} bytes" : $"over {MaxBytes} bytes")}; expected at most {MaxBytes} bytes (1 MiB) for a scenario");
}
