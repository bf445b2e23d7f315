using Negotiation.Scenarios.Writing;
using System.CommandLine;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;
using Negotiation.Scenarios;
using Negotiation.Scenarios.Genius;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiate import-genius</c>: turn a GENIUS domain and its profiles into a scenario file.</summary>
public static class ImportGeniusCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var domain = new Argument<string>("domain") { Description = "The GENIUS domain XML file." };
        var profiles = new Argument<string[]>("profiles") { Description = "One preference profile XML per actor.", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Out("Write the scenario here (default: print it on stdout). An existing file is replaced atomically.");
        var names = new Option<string?>("--names") { Description = "Comma-separated actor ids, one per profile (default: the profile file names)." };
        var deadline = new Option<int>("--deadline") { Description = "Deadline in rounds.", DefaultValueFactory = _ => 100 };
        var command = new Command("import-genius", """
            Import a GENIUS (ANAC) negotiation domain and its preference profiles as a scenario, one actor per profile.
            Utilities follow GENIUS's rules; see docs/genius.md.

            Examples:
              negotiate import-genius laptop_domain.xml laptop_buyer_utility.xml laptop_seller_utility.xml --out laptop.yaml
              negotiate import-genius party_domain.xml party1.xml party2.xml party3.xml --names ann,bob,cat
            """)
        {
            domain, profiles, output, names, deadline,
        };
        command.SetAction(parse => Execute(
            context(),
            parse.GetValue(domain)!,
            parse.GetValue(profiles) ?? [],
            parse.GetValue(output),
            parse.GetValue(names),
            parse.GetValue(deadline)));
        return command;
    }

    public static int Execute(CliContext context, string domain, IReadOnlyList<string> profiles, string? output, string? names, int deadline)
    {
        if (deadline < 1 || deadline > ScenarioBounds.MaxDeadline)
        {
            return Diagnostics.BadOption(context, $"--deadline must be between 1 and {ScenarioBounds.MaxDeadline}, got {deadline}");
        }

        if (output is not null && OutputPath.CheckFile(output) is { } badOut)
        {
            return Diagnostics.BadOption(context, badOut);
        }

        GeniusImportResult result;
        try
        {
            result = GeniusImporter.Import(domain, profiles, new GeniusImportOptions
            {
                Names = names?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Deadline = deadline,
            });
        }
        catch (InputException e)
        {
            return Diagnostics.Report(context, e);
        }

        foreach (var warning in result.Warnings)
        {
            context.Error.WriteLine(warning.ToString());
        }

        var yaml = ScenarioYamlWriter.Write(result.Scenario, GeniusImporter.HeaderComment(domain, profiles));

        // Never write a scenario the tool would then refuse (all-zero weights, over the size limit, ids too long):
        // the file is loaded as `validate` would load it, and its problems are reported instead.
        try
        {
            ScenarioLoader.LoadText(yaml, output ?? "<imported scenario>");
        }
        catch (InputException e)
        {
            context.Error.WriteLine("negotiate: error: the imported GENIUS files give a scenario that does not validate, so nothing was written:");
            return Diagnostics.Report(context, e);
        }
        if (output is null)
        {
            context.Out.Write(yaml);
        }
        else
        {
            if (!AtomicFile.TryWriteAllText(context, output, yaml))
            {
                return ExitCodes.Failure;
            }

            context.Error.WriteLine($"Wrote {output} ({result.Scenario.Actors.Count} actors, {result.Scenario.Issues.Count} issues).");
        }

        return ExitCodes.Ok;
    }
}
