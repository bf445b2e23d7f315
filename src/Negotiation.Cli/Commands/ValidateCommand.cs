using System.CommandLine;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiate validate</c>: check scenario files and print every error with its position.</summary>
public static class ValidateCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", """
            Check scenario files: syntax, every reference, every number, every variant. Prints file:line:column
            for each problem and exits with 2 when any file has an error.

            Examples:
              negotiate validate scenarios/*.yaml
              negotiate validate my-scenario.yaml
            """)
        {
            files,
        };
        command.SetAction(parse => Execute(context(), parse.GetValue(files) ?? []));
        return command;
    }

    public static int Execute(CliContext context, IReadOnlyList<string> files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            var set = ScenarioInput.Load(context, file);
            if (set is null)
            {
                failed++;
                continue;
            }

            context.Out.WriteLine($"{file}: ok ({set.Variants.Count} variant{(set.Variants.Count == 1 ? "" : "s")}: {string.Join(", ", set.Variants.Select(v => v.Id))})");
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
