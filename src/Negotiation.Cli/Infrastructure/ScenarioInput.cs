using System.Security.Cryptography;
using System.Text;
using Negotiation.Core.Common;
using Negotiation.Core.Model;
using Negotiation.Scenarios;

namespace Negotiation.Cli.Infrastructure;

/// <summary>Loads a scenario file for a command, turning every kind of bad input into printed diagnostics.</summary>
public static class ScenarioInput
{
    /// <summary>The scenario set, or null after printing why it cannot be used (the caller exits with 2).</summary>
    public static ScenarioSet? Load(CliContext context, string path, IReadOnlyList<ParameterOverride>? overrides = null)
    {
        try
        {
            return ScenarioLoader.Load(path, overrides);
        }
        catch (InputException e)
        {
            Diagnostics.Report(context, e);
            return null;
        }
    }

    /// <summary>
    /// Checks that every requested variant exists; prints an error naming the ones that do not, with the
    /// variants the file has.
    /// </summary>
    public static bool CheckVariants(CliContext context, ScenarioSet set, IReadOnlyCollection<string> requested)
    {
        var known = set.Variants.Select(v => v.Id).ToArray();
        var unknown = requested.Where(r => !known.Contains(r)).ToArray();
        foreach (var id in unknown)
        {
            Diagnostics.BadOption(context, $"--variant '{id}' is not a variant of {set.SourcePath}; expected one of: {string.Join(", ", known)}");
        }

        return unknown.Length == 0;
    }

    /// <summary>
    /// Identifies the exact input of a run: the scenario file's bytes and the variants chosen. Shards merge only
    /// when their fingerprints agree.
    /// </summary>
    public static string Fingerprint(string path, IEnumerable<string> variantIds, IEnumerable<ParameterOverride>? overrides = null) =>
        Fingerprint(File.ReadAllBytes(path), variantIds, overrides);

    /// <summary>As <see cref="Fingerprint(string, IEnumerable{string}, IEnumerable{ParameterOverride}?)"/>, from the file's bytes already read.</summary>
    public static string Fingerprint(byte[] bytes, IEnumerable<string> variantIds, IEnumerable<ParameterOverride>? overrides = null)
    {
        using var sha = SHA256.Create();
        var extra = Encoding.UTF8.GetBytes("\n--variants " + string.Join(",", variantIds)
            + "\n--overrides " + string.Join(",", (overrides ?? []).Select(o => $"{o.Path}={o.Value:R}")));
        return Convert.ToHexString(sha.ComputeHash([.. bytes, .. extra])).ToLowerInvariant();
    }
}
