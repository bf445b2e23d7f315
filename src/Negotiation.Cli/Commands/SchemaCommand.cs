using System.CommandLine;
using Negotiation.Cli.Infrastructure;
using Negotiation.Scenarios;

namespace Negotiation.Cli.Commands;

/// <summary><c>negotiate schema</c>: print the JSON Schema of the scenario format for editors.</summary>
public static class SchemaCommand
{
    public static Command Create(Func<CliContext> context)
    {
        var command = new Command("schema", """
            Print the JSON Schema of the scenario format, for editors that complete and check YAML as you type
            (VS Code's YAML extension: start a scenario with
            '# yaml-language-server: $schema=../docs/scenario.schema.json').

            Example:
              negotiate schema > scenario.schema.json
            """);
        command.SetAction(_ =>
        {
            context().Out.WriteLine(ScenarioSchema.Json);
            return ExitCodes.Ok;
        });
        return command;
    }
}
