using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Negotiation.Reporting.Charts;

namespace Negotiation.Reporting.Tests.Html;

/// <summary>Runs only where Debian's chromium is installed (.ci/run installs it); skipped with a message elsewhere.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "chromium not found (set CHROMIUM or install Debian's chromium package, as .ci/run does); the headless-browser test of report.html did not run";
        }
    }
}

public sealed class HeadlessBrowserTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [ChromiumFact]
    public void ReportHtml_RendersInChromiumWithEveryChart()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("report");
        ReportWriter.Write(SampleSummary.Create(title: "Talks <script>alert(1)</script>"), report, new ReportOptions(ReportTheme.Projector, WriteCharts: false));
        int charts = SummaryCharts.All(SampleSummary.Create(), ChartTheme.Projector).Count;

        string dom = RunChromium(temp.Combine("profile-dom"), "--dump-dom", FileUrl(Path.Combine(report, "report.html")));

        // The DOM after parsing: every chart present as an inline <svg> with drawn content, the escaped title as text,
        // and no script element (the scenario's <script> stayed text).
        Assert.Equal(charts, Regex.Count(dom, "<svg[\\s>]"));
        Assert.Equal(charts, Regex.Count(dom, "<figure[\\s>]"));
        Assert.True(Regex.Count(dom, "<(rect|path|polyline|polygon|line)[\\s>]") > 50, "charts have no drawn shapes");
        Assert.Contains("Talks &lt;script&gt;alert(1)&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public void ReportHtml_ScreenshotIsAPicture()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("report");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        string shot = temp.Combine("shot.png");

        RunChromium(temp.Combine("profile-shot"), "--window-size=1280,2000", "--hide-scrollbars", "--screenshot=" + shot, FileUrl(Path.Combine(report, "report.html")));

        byte[] png = File.ReadAllBytes(shot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"screenshot is only {png.Length} bytes: the page looks blank");
    }

    [ChromiumFact]
    public void ReportHtml_MakesNoNetworkRequest()
    {
        using var temp = new TempDirectory();
        string report = temp.Combine("report");
        ReportWriter.Write(SampleSummary.Create(), report, new ReportOptions(WriteCharts: false));
        string netLog = temp.Combine("net.json");

        RunChromium(temp.Combine("profile-net"), "--log-net-log=" + netLog, "--dump-dom", FileUrl(Path.Combine(report, "report.html")));

        Assert.Empty(PageRequests(netLog));
    }

    [ChromiumFact]
    public void NetworkCheck_CatchesAPageThatLoadsAnImage()
    {
        // The control for the test above: the same check must see a request when the page makes one.
        using var temp = new TempDirectory();
        string page = temp.Combine("page.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><img src=\"https://example.invalid/x.png\"></body></html>");
        string netLog = temp.Combine("net.json");

        RunChromium(temp.Combine("profile-control"), "--log-net-log=" + netLog, "--dump-dom", FileUrl(page));

        Assert.Contains("https://example.invalid/x.png", PageRequests(netLog));
    }

    // URLs the page itself asked for. Chromium's own background traffic (update checks, account probes) has the
    // initiator "not an origin" and is ignored; a request made by a file:// page has the initiator "null".
    private static List<string> PageRequests(string netLogPath)
    {
        using JsonDocument log = JsonDocument.Parse(File.ReadAllText(netLogPath));
        var urls = new List<string>();
        foreach (JsonElement e in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (e.TryGetProperty("params", out JsonElement p)
                && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("url", out JsonElement url)
                && p.TryGetProperty("initiator", out JsonElement initiator)
                && initiator.GetString() != "not an origin"
                && !url.GetString()!.StartsWith("file:", StringComparison.Ordinal)
                && !url.GetString()!.StartsWith("data:", StringComparison.Ordinal))
            {
                urls.Add(url.GetString()!);
            }
        }

        return urls;
    }

    internal static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    // Starts chromium, waits at most Timeout and kills only the process tree it started.
    internal static string RunChromium(string profile, params string[] arguments)
    {
        var start = new ProcessStartInfo(Chromium.Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
            // Any host lookup fails, so a stray network reference could not load anything even if one slipped in.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
