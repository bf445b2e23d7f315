using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Negotiation.Cli.Infrastructure;

namespace Negotiation.Cli.Tests.Serve;

/// <summary><c>negotiate serve</c> as a user starts it: the address printed, a taken port, a bad file, a non-loopback host.</summary>
public sealed class ServeCommandTest
{
    [Fact]
    public async Task Serve_PrintsTheAddress_ServesThePage_AndStopsOnCtrlC()
    {
        using var temp = new TempDirectory();
        using var stop = new CancellationTokenSource();
        var (run, output, error) = Start(stop.Token, "serve", TestCli.TestData("small.yaml"), "--port", "0", "--runs", "500", "--out", temp.Combine("saved"));

        var address = await AddressOf(output, run);
        Assert.Equal("127.0.0.1", address.Host);
        using (var client = new HttpClient())
        {
            var page = await client.GetStringAsync(address);
            Assert.Contains("<title>What if", page, StringComparison.Ordinal);
        }

        stop.Cancel();
        Assert.Equal(ExitCodes.Ok, await run);
        Assert.DoesNotContain("warning", Text(error), StringComparison.Ordinal);
        Assert.Contains($"Saved reports go under {temp.Combine("saved")}", Text(output), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Serve_PortTaken_SaysSoAndExits2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = TestCli.Run("serve", TestCli.TestData("small.yaml"), "--port", port.ToString(), "--runs", "200");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"negotiate: error: port {port} on 127.0.0.1 is already in use; choose another with --port N (or --port 0 for any free port)", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Serve_BadScenario_ReportsItLikeRun()
    {
        var run = TestCli.Run("run", "no-such.yaml");
        var serve = TestCli.Run("serve", "no-such.yaml", "--port", "0");

        Assert.Equal(ExitCodes.BadInput, serve.ExitCode);
        Assert.EndsWith(run.Error, serve.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--host", "example.org", "negotiate: error: --host must be an IP address such as 127.0.0.1 or 0.0.0.0 (or localhost), got 'example.org'")]
    [InlineData("--port", "70000", "negotiate: error: --port must be between 0 and 65535, got 70000")]
    [InlineData("--runs", "0", "negotiate: error: --runs must be between 1 and 1,000,000,000,000, got 0; split larger studies into shards (docs/cluster.md)")]
    public void Serve_BadOption_Exits2(string option, string value, string message)
    {
        var result = TestCli.Run("serve", TestCli.TestData("small.yaml"), option, value);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Equal(message + "\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Serve_OnAnotherAddress_Warns()
    {
        using var temp = new TempDirectory();
        using var stop = new CancellationTokenSource();
        var (run, output, error) = Start(stop.Token, "serve", TestCli.TestData("small.yaml"), "--host", "0.0.0.0", "--port", "0", "--runs", "200", "--out", temp.Combine("o"));

        await AddressOf(output, run);
        stop.Cancel();
        Assert.Equal(ExitCodes.Ok, await run);
        Assert.Contains("negotiate: warning: --host 0.0.0.0 is not a loopback address", Text(error), StringComparison.Ordinal);
    }

    private static (Task<int> Run, Captured Out, Captured Error) Start(CancellationToken stop, params string[] args)
    {
        var output = new Captured();
        var error = new Captured();
        var context = new CliContext(output.Writer, error.Writer, Interactive: false, Environment: _ => null, stop);
        return (Task.Factory.StartNew(() => CliApp.Run(args, context), TaskCreationOptions.LongRunning), output, error);
    }

    /// <summary>A writer the command writes to from its thread while the test reads what it wrote so far.</summary>
    private sealed class Captured
    {
        private readonly StringWriter _inner = new();

        public Captured() => Writer = TextWriter.Synchronized(_inner);

        public TextWriter Writer { get; }

        public override string ToString()
        {
            // The synchronized writer locks itself around every write.
            lock (Writer)
            {
                return _inner.ToString();
            }
        }
    }

    private static string Text(Captured captured) => captured.ToString();

    private static async Task<Uri> AddressOf(Captured output, Task<int> run)
    {
        for (var i = 0; i < 600 && !run.IsCompleted; i++)
        {
            if (Regex.Match(Text(output), @"http://[^\s]+/") is { Success: true } m)
            {
                return new Uri(m.Value);
            }

            await Task.Delay(50);
        }

        Assert.Fail("no address printed; exit code " + (run.IsCompleted ? run.Result.ToString() : "none") + ": " + Text(output));
        return null!;
    }
}
