using System.Runtime.InteropServices;
using Negotiation.Cli;
using Negotiation.Cli.Infrastructure;

// Ctrl+C (and SIGTERM) cancel the run instead of killing the process: workers finish their chunk and the
// partial result is written, marked incomplete. A second Ctrl+C kills at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        if (!ProgressDisplay.BarShowing)
        {
            // Under a live bar the message would be drawn over; the bar prints it once it has stopped.
            Console.Error.WriteLine(ProgressDisplay.StoppingMessage);
        }

        cancellation.Cancel();
    }
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

try
{
    return CliApp.Run(args, CliContext.ForConsole(cancellation.Token));
}
catch (Exception e)
{
    // Bad input never gets here (commands report it with exit code 2); this is a bug, told plainly.
    Console.Error.WriteLine($"negotiate: internal error: {e.Message}");
    Console.Error.WriteLine("Please report it with the scenario and the command line. Set NEGOTIATE_DEBUG=1 for details.");
    if (Environment.GetEnvironmentVariable("NEGOTIATE_DEBUG") == "1")
    {
        Console.Error.WriteLine(e);
    }

    return ExitCodes.Failure;
}
