using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Negotiation.Cli.Commands;
using Negotiation.Cli.Infrastructure;
using Negotiation.Core.Common;

namespace Negotiation.Cli.Serve;

/// <summary><c>negotiate serve</c>: the live what-if page for a classroom (docs/classroom.md).</summary>
public static class ServeCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(Func<CliContext> context)
    {
        var file = CommonOptions.ScenarioFile();
        var port = new Option<int>("--port")
        {
            Description = "Port to listen on; 0 picks a free one.",
            DefaultValueFactory = _ => DefaultPort,
        };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on: 127.0.0.1 is this machine only; another address lets other machines in; a warning says so.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var runs = CommonOptions.Runs();
        runs.Description = $"Runs per update the page starts with, and of the startup run that ranks the parameters (the page allows up to {WhatIfSession.MaxRuns:N0}).";
        var seed = CommonOptions.Seed();
        var threads = CommonOptions.Threads();
        var output = CommonOptions.Out("Folder the page saves reports under (default out/<scenario>-serve/); nothing is written elsewhere.");
        var theme = CommonOptions.Theme();
        theme.Description = "Theme of saved reports' charts: print or projector. The page has its own switch.";
        var noCharts = CommonOptions.NoCharts(" of saved reports, as negotiate run --no-charts");
        var command = new Command("serve", """
            Start a local web page where a class changes the scenario live: switch variants on and off, shift or pin
            each uncertain parameter (the most influential first), and watch agreement, terms, survival and the
            differences against the baseline move. Every update runs the same sampled futures as `negotiate run`
            with the same seed. The page can save a report identical to `negotiate run` and the YAML variant block
            it stands for. See docs/classroom.md.

            Examples:
              negotiate serve scenarios/syria-coh-2016.yaml
              negotiate serve scenarios/nato-russia-2022.yaml --port 9000 --out class-2026-03
            """)
        {
            file, port, host, runs, seed, threads, output, theme, noCharts,
        };
        command.SetAction(parse => Execute(
            context(),
            parse.GetValue(file)!,
            parse.GetValue(host)!,
            parse.GetValue(port),
            parse.GetValue(runs),
            parse.GetValue(seed),
            CommonOptions.ThreadsOrAllCores(parse.GetValue(threads)),
            parse.GetValue(output),
            parse.GetValue(theme) ?? "print",
            !parse.GetValue(noCharts)));
        return command;
    }

    public static int Execute(CliContext context, string file, string host, int port, long runs, ulong seed, int threads, string? outRoot, string theme, bool charts = true)
    {
        if (CommonOptions.CheckRunsAndThreads(context, runs, threads) is { } badOption)
        {
            return badOption;
        }

        if (runs > WhatIfSession.MaxRuns)
        {
            return Diagnostics.BadOption(context, $"--runs must be at most {WhatIfSession.MaxRuns:N0} for serve, got {runs:N0}");
        }

        if (port is < 0 or > 65535)
        {
            return Diagnostics.BadOption(context, $"--port must be between 0 and 65535, got {port}");
        }

        IPAddress address;
        if (host == "localhost")
        {
            address = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(host, out address!))
        {
            return Diagnostics.BadOption(context, $"--host must be an IP address such as 127.0.0.1 or 0.0.0.0 (or localhost), got '{host}'");
        }

        WhatIfSession session;
        try
        {
            context.Error.WriteLine($"negotiate: loading {file} and ranking its parameters ({runs:N0} runs)...");
            session = WhatIfSession.Load(file, seed, threads, runs, outRoot, theme, charts, context.Cancellation);
        }
        catch (InputException e)
        {
            return Diagnostics.Report(context, e);
        }

        if (!ServeHost.IsLoopback(address))
        {
            context.Error.WriteLine($"negotiate: warning: --host {host} is not a loopback address: anyone who can reach this machine can run simulations and save reports under {session.OutRoot}. Use it on a trusted network only.");
        }

        ServeHost server;
        try
        {
            server = ServeHost.StartAsync(session, address, port, context.Cancellation).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            return Diagnostics.BadOption(context, $"port {port} on {host} is already in use; choose another with --port N (or --port 0 for any free port)");
        }
        catch (IOException e)
        {
            return Diagnostics.BadOption(context, $"cannot listen on {host}:{port}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }

        context.Out.WriteLine($"What-if page for {session.Set.Metadata.Id}: {server.Address}");
        context.Out.WriteLine($"Saved reports go under {Path.GetFullPath(session.OutRoot)}{Path.DirectorySeparatorChar}. Press Ctrl+C to stop.");
        context.Out.Flush();
        try
        {
            context.Cancellation.WaitHandle.WaitOne();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return ExitCodes.Ok;
    }
}
