using System.CommandLine;
using System.Reflection;
using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli;

/// <summary>The <c>negotiate</c> command tree. <see cref="Run"/> is what Main calls and what end-to-end tests call in-process.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        var root = Commands(() => context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A mistyped verb ("negotiate rnu x.yaml"): System.CommandLine reports it as an unrecognised argument.
            if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0])
                && Negotiation.Scenarios.Suggestions.Closest(args[0], root.Subcommands.Select(c => c.Name)) is { } verb)
            {
                context.Error.WriteLine($"negotiate: error: unknown command '{args[0]}'; did you mean '{verb}'?");
                context.Error.WriteLine("Run 'negotiate --help' for usage.");
                return ExitCodes.BadInput;
            }

            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"negotiate: error: {error.Message}");
            }

            context.Error.WriteLine("Run 'negotiate --help' for usage.");
            return ExitCodes.BadInput;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Ctrl+C is handled by Program (it cancels the run and lets it write partial results).
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return parse.Invoke(invocation);
    }

    /// <summary>The command tree; its commands get the context from <paramref name="ctx"/> when they run.</summary>
    internal static RootCommand Commands(Func<CliContext> ctx)
    {
        var root = new RootCommand("""
            negotiate: agent-based negotiation simulation. Scenarios in YAML define actors, their interests over
            the issues, the protocol and what happens after signature; runs simulate many futures and report
            how likely a deal is, on which terms, who gains, and how long it holds.

            Exit codes: 0 ok, 1 failure, 2 bad input (scenario or option), 130 interrupted (partial results written).
            """);
        root.Subcommands.Add(RunCommand.Create(ctx));
        root.Subcommands.Add(ValidateCommand.Create(ctx));
        root.Subcommands.Add(AnalyzeCommand.Create(ctx));
        root.Subcommands.Add(SweepCommand.Create(ctx));
        root.Subcommands.Add(MergeCommand.Create(ctx));
        root.Subcommands.Add(SlidesCommand.Create(ctx));
        root.Subcommands.Add(BenchCommand.Create(ctx));
        root.Subcommands.Add(SchemaCommand.Create(ctx));
        root.Subcommands.Add(ImportGeniusCommand.Create(ctx));
        root.Subcommands.Add(TraceCommand.Create(ctx));
        root.Subcommands.Add(Serve.ServeCommand.Create(ctx));
        return root;
    }

    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
