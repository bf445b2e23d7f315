using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiation.Cli.Serve;

namespace Negotiation.Cli.Tests.Serve;

/// <summary>Runs only where Debian's chromium is installed (.ci/run installs it); skipped with a message elsewhere.</summary>
public sealed class ServeChromiumFactAttribute : FactAttribute
{
    public ServeChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "chromium not found (set CHROMIUM or install Debian's chromium package, as .ci/run does); the browser test of the what-if page did not run";
        }
    }
}

/// <summary>
/// The what-if page in headless Chromium, driven over the DevTools protocol: a student moves a control and the
/// figures change. With NEGOTIATE_SERVE_SCREENSHOTS=1 it runs on scenarios/nato-russia-2022.yaml and writes the
/// screenshots of docs/classroom.md (docs/images/serve/*.png); otherwise on the small test scenario, into a temporary folder.
/// </summary>
public sealed class ServeBrowserTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [ServeChromiumFact]
    public async Task Page_MovingAControl_ChangesTheFigures()
    {
        var forDocs = Environment.GetEnvironmentVariable("NEGOTIATE_SERVE_SCREENSHOTS") == "1";
        var (file, parameter, runs) = forDocs
            ? (TestCli.Scenario("nato-russia-2022"), "actors.russia.reservation.value", 10_000L)
            : (TestCli.TestData("small.yaml"), "actors.east.reservation", 2_000L);
        using var temp = new TempDirectory();
        var shots = forDocs ? TestCli.Repo("docs/images/serve") : temp.Path;
        var session = WhatIfSession.Load(file, seed: 1, threads: Environment.ProcessorCount, defaultRuns: runs, temp.Combine("out"), "print", charts: false);
        await using var server = await ServeHost.StartAsync(session, IPAddress.Loopback, 0);
        await using var browser = await Browser.Open(temp.Combine("profile"), server.Address);

        // The page loads the scenario and shows the baseline.
        var before = await browser.WaitFor("document.querySelector('#card-' + CSS.escape(" + Js(session.Set.Baseline.Id) + ") + ' [data-figure=agreement]')?.textContent");
        Assert.Matches("^[0-9.]+%$", before);
        Assert.Equal("null", await browser.Evaluate("document.querySelector('#card-what-if')"));
        if (forDocs)
        {
            await browser.Screenshot(Path.Combine(shots, "baseline.png"));
        }

        // The student shifts the first parameter down (for East/Russia: a worse alternative to a deal).
        await browser.Evaluate($$"""
            (() => {
              const row = document.querySelector('.param[data-path="{{parameter}}"]');
              const mode = row.querySelector('select');
              mode.value = 'shift'; mode.dispatchEvent(new Event('change'));
              const slider = row.querySelector('input[type=range]');
              slider.value = slider.min; slider.dispatchEvent(new Event('input'));
              return slider.value;
            })()
            """);

        var whatIf = await browser.WaitFor("document.querySelector('#card-what-if [data-figure=agreement]')?.textContent");
        var difference = await browser.WaitFor("document.querySelector('#card-what-if [data-figure=difference]')?.textContent");
        var baselineAfter = await browser.Evaluate("document.querySelector('#card-' + CSS.escape(" + Js(session.Set.Baseline.Id) + ") + ' [data-figure=agreement]').textContent");
        Assert.Equal(before, baselineAfter);            // the baseline runs on the same futures: unchanged
        Assert.NotEqual(before, whatIf);                // the what-if moved
        Assert.StartsWith("+", difference, StringComparison.Ordinal);   // a worse alternative to a deal: more deals
        Assert.Contains($"{parameter}.min:", await browser.WaitFor("document.getElementById('yaml').textContent.includes('what-if:') ? document.getElementById('yaml').textContent : null"), StringComparison.Ordinal);
        Assert.Equal("", await browser.Evaluate("document.getElementById('errors').textContent"));
        Assert.Equal("0", await browser.Evaluate("new Set([...document.querySelectorAll('[id]')].map(e => e.id)).size - document.querySelectorAll('[id]').length"));
        await browser.Screenshot(Path.Combine(shots, "what-if.png"));
        if (forDocs)
        {
            await browser.Evaluate("document.getElementById('theme').click(); 0");
            await Task.Delay(300);
            await browser.Screenshot(Path.Combine(shots, "projector.png"));
        }

        Assert.True(new FileInfo(Path.Combine(shots, "what-if.png")).Length > 20_000, "the screenshot looks blank");
    }

    private static string Js(string text) => JsonSerializer.Serialize(text);

    /// <summary>Headless Chromium with one page, driven over the DevTools protocol's WebSocket.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ClientWebSocket _socket;
        private int _id;

        private Browser(Process process, ClientWebSocket socket)
        {
            _process = process;
            _socket = socket;
        }

        public static async Task<Browser> Open(string profile, Uri page)
        {
            var start = new ProcessStartInfo(Chromium.Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,1000", "--hide-scrollbars",
                // Every other name resolves to nothing: the page can reach the server and nothing else.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", page.AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            try
            {
                var portFile = Path.Combine(profile, "DevToolsActivePort");
                var clock = Stopwatch.StartNew();
                while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
                {
                    Assert.True(clock.Elapsed < Timeout, "chromium did not open its DevTools port");
                    Assert.False(process.HasExited, "chromium exited");
                    await Task.Delay(100);
                }

                var port = File.ReadAllLines(portFile)[0];
                using var http = new HttpClient();
                var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
                var target = targets.First(t => (string?)t!["type"] == "page")!;
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), CancellationToken.None);
                return new Browser(process, socket);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        /// <summary>Evaluates a JavaScript expression in the page; its value as text ("null" for null or undefined).</summary>
        public async Task<string> Evaluate(string expression)
        {
            var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result["exceptionDetails"] is { } error)
            {
                Assert.Fail("the page threw: " + error.ToJsonString());
            }

            var value = result["result"]!["value"];
            return value is null ? "null" : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        /// <summary>Polls an expression until it is not null and returns its value.</summary>
        public async Task<string> WaitFor(string expression)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                string value;
                try
                {
                    value = await Evaluate(expression);
                }
                catch (InvalidOperationException e) when (e.Message.Contains("execution context", StringComparison.Ordinal))
                {
                    value = "null";   // the page is still loading
                }

                if (value != "null")
                {
                    return value;
                }

                Assert.True(clock.Elapsed < Timeout, $"the page never showed {expression}; at {await Evaluate("location.href")}: {await Evaluate("document.body?.innerText.slice(0, 300)")}");
                await Task.Delay(100);
            }
        }

        public async Task Screenshot(string path)
        {
            var height = double.Parse(await Evaluate("Math.ceil(document.documentElement.scrollHeight)"), System.Globalization.CultureInfo.InvariantCulture);
            await Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1400, ["height"] = (int)Math.Min(height, 2400), ["deviceScaleFactor"] = 1, ["mobile"] = false });
            var shot = await Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
            await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!));
        }

        private async Task<JsonNode> Send(string method, JsonObject parameters)
        {
            var id = ++_id;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
            using var timeout = new CancellationTokenSource(Timeout);
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, timeout.Token);
            var buffer = new byte[1 << 16];
            while (true)
            {
                using var text = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer, timeout.Token);
                    text.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                var reply = JsonNode.Parse(text.ToArray())!;
                if ((int?)reply["id"] == id)
                {
                    return reply["error"] is { } error ? throw new InvalidOperationException(method + ": " + error.ToJsonString()) : reply["result"]!;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Chromium may already be gone.
            }

            _socket.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
