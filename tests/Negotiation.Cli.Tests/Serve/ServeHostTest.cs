using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Negotiation.Cli.Serve;

namespace Negotiation.Cli.Tests.Serve;

/// <summary>Drives the real server over loopback HTTP: every route, bad input, cancellation, two clients at once.</summary>
public sealed class ServeHostTest(ServeFixture server) : IClassFixture<ServeFixture>
{
    private const int Runs = 2_000;

    [Fact]
    public async Task Scenario_ListsVariantsAndTheParametersMostInfluentialFirst()
    {
        using var response = await server.Client.GetAsync("api/scenario");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("small", root.GetProperty("id").GetString());
        Assert.Equal("base", root.GetProperty("baseline").GetProperty("id").GetString());
        Assert.Equal(["monitored", "impatient-east"], root.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetString()));

        // small.yaml has four uncertain parameters of the baseline, each written as one distribution.
        var parameters = root.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(
            ["actors.east.reservation", "actors.west.reservation", "actors.west.strategy.e", "compliance.provisions.ceasefire.temptation"],
            parameters.Select(p => p.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        var influence = parameters.Select(p => p.GetProperty("influence").GetDouble()).ToArray();
        Assert.Equal(influence.OrderDescending(), influence);
        Assert.True(influence[0] > 0.05, $"the most influential parameter moves nothing ({influence[0]})");

        // A uniform on [0.2, 0.45] inside [0, 1]: pinned within its support, shifted no further than keeps it in [0, 1].
        var east = parameters.Single(p => p.GetProperty("path").GetString() == "actors.east.reservation");
        Assert.Equal("uniform(0.2, 0.45)", east.GetProperty("distribution").GetString());
        Assert.Equal(0.2, east.GetProperty("pinLow").GetDouble());
        Assert.Equal(0.45, east.GetProperty("pinHigh").GetDouble());
        Assert.Equal(-0.2, east.GetProperty("shiftLow").GetDouble(), 12);
        Assert.Equal(0.25, east.GetProperty("shiftHigh").GetDouble(), 12);
    }

    [Fact]
    public async Task Page_IsOneSelfContainedHtmlFile()
    {
        using var response = await server.Client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutChanges_IsByteIdenticalToSummaryJsonOfNegotiateRun()
    {
        using var temp = new TempDirectory();
        var cli = TestCli.Run("run", server.ScenarioFile, "--variant", "monitored", "--runs", Runs.ToString(), "--out", temp.Combine("r"), "--no-charts", "--quiet");
        Assert.Equal(0, cli.ExitCode);

        using var response = await server.Post("api/run", $$"""{"variants": ["monitored"], "changes": [], "runs": {{Runs}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(File.ReadAllBytes(temp.Combine("r", "summary.json")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Run_AChangeMovesTheWhatIfAndOnlyIt_OnTheSameFutures()
    {
        // West's reservation pinned at the top of its range (0.75): in most futures no package gives both sides their
        // reservation values, so fewer deals; the baseline, run on the same futures, does not move at all. (Pinning
        // East's at the top of its range instead raises the rate under private information: West then knows East's
        // reservation value exactly and no longer offers too little in the last round.)
        var before = await Summary("""{"changes": [], "runs": 2000}""");
        var after = await Summary("""{"changes": [{"path": "actors.west.reservation", "pin": 0.75}], "runs": 2000}""");

        var baseline = before.GetProperty("variants")[0];
        Assert.Equal(baseline.GetRawText(), after.GetProperty("variants")[0].GetRawText());
        var whatIf = after.GetProperty("variants")[1];
        Assert.Equal("what-if", whatIf.GetProperty("id").GetString());
        Assert.Equal("Set on the what-if page: actors.west.reservation pinned at 0.75.", whatIf.GetProperty("description").GetString());
        var difference = whatIf.GetProperty("vsBaseline").GetProperty("agreementRate");
        Assert.True(difference.GetProperty("estimate").GetDouble() < 0, difference.GetRawText());
        Assert.True(difference.GetProperty("ci95").GetProperty("high").GetDouble() < 0, "the paired interval should exclude zero: " + difference.GetRawText());
    }

    [Fact]
    public async Task Variant_WritesTheYamlBlockOfTheChanges()
    {
        using var response = await server.Post("api/variant", """{"variants": ["monitored"], "changes": [{"path": "actors.east.reservation", "shift": 0.05}, {"path": "actors.west.strategy.e", "pin": 2}], "runs": 2000}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """
            # Paste right under the line 'variants:' of small.yaml, then run:
            #   negotiate run small.yaml --variant what-if --variant monitored --runs 2000 --seed 1
              what-if:
                name: What if
                description: "Set on the what-if page: actors.east.reservation shifted by +0.05; actors.west.strategy.e pinned at 2."
                set:
                  actors.east.reservation.min: 0.25
                  actors.east.reservation.max: 0.5
                  actors.west.strategy.e: 2

            """.ReplaceLineEndings("\n"),
            await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { """{"runs": 0}""", "--runs must be between 1 and 1,000,000,000,000, got 0; split larger studies into shards (docs/cluster.md)" },
        { """{"runs": 1000001}""", "--runs must be at most 1,000,000 per update on the what-if page, got 1,000,001; use negotiate run for more" },
        { """{"variants": ["nope"]}""", "--variant 'nope' is not a variant of {file}; expected one of: base, monitored, impatient-east" },
        { """{"variants": ["base"]}""", "--variant 'base' is the baseline, which always runs; expected other variants" },
        { """{"changes": [{"path": "actors.east.reservation", "pin": 0.3, "shift": 0.1}]}""", "parameter override 'actors.east.reservation': give either pin (a value) or shift (an amount), not both" },
        { """{"changes": [{"path": "actors.east.reservatio", "shift": 0.1}]}""", "parameter override 'actors.east.reservatio': a shift needs one of the baseline's uncertain parameters written as a distribution (did you mean actors.east.reservation?); pin a value instead" },
        { """{"changes": [{"path": "protocol.deadline", "pin": 3}, {"path": "protocol.deadline", "pin": 4}]}""", "parameter override 'protocol.deadline': changed twice; change each parameter once" },
        { """{"scenario": "/etc/passwd"}""", "the request is not what-if settings: The JSON property 'scenario' could not be mapped to any .NET member contained in type 'Negotiation.Cli.Serve.ServeHost+SettingsBody'. Expected {\"variants\": [...], \"changes\": [{\"path\": ..., \"pin\": number} or {\"path\": ..., \"shift\": number}], \"runs\": number}" },
        { """{"runs": 1e400}""", null! },
        { """not json""", null! },
        { """{"name": "x"}""", "'name' names a saved report; send it to /api/save" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Run_BadSettings_Answer400WithTheMessage_AndTheServerGoesOn(string body, string? message)
    {
        using var response = await server.Post("api/run", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("bad-input", json.RootElement.GetProperty("error").GetString());
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToArray();
        if (message is null)
        {
            Assert.StartsWith("the request is not what-if settings: ", Assert.Single(messages), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal([message.Replace("{file}", server.ScenarioFile, StringComparison.Ordinal)], messages);
        }

        using var after = await server.Client.GetAsync("api/scenario");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("actors.east.reservation", "1.5")]        // outside [0, 1]
    [InlineData("actors.east.reservatio", "0.3")]         // no such key: did-you-mean from the loader
    [InlineData("protocol.deadline", "0")]                // deadline at least 1
    [InlineData("issues.border", "0.5")]                  // not a number
    public async Task Run_BadPin_GetsTheMessageNegotiateSweepPrints(string path, string value)
    {
        var sweep = TestCli.Run("sweep", server.ScenarioFile, "--param", $"{path}={value},99", "--runs", "10", "--out", server.Folder + "/never");
        Assert.Equal(2, sweep.ExitCode);
        var expected = sweep.Error.ReplaceLineEndings("\n").Split('\n')[1];

        using var response = await server.Post("api/run", $$"""{"changes": [{"path": "{{path}}", "pin": {{value}}}], "runs": 100}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([expected], json.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.False(Directory.Exists(server.Folder + "/never"));
    }

    [Fact]
    public async Task Run_OversizedBody_IsRefused()
    {
        var body = "{\"variants\": [" + string.Join(",", Enumerable.Repeat("\"monitored\"", 10_000)) + "]}";
        using var response = await server.Post("api/run", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expected at most 65536", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "api/run", 405)]
    [InlineData("POST", "api/scenario", 405)]
    [InlineData("GET", "scenarios/../../etc/passwd", 404)]
    [InlineData("GET", "small.yaml", 404)]
    public async Task OtherRequests_AreAnsweredWithJsonErrors(string method, string route, int status)
    {
        using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("Small border dispute", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignHostHeader_IsRefused()
    {
        // A web page elsewhere reaching 127.0.0.1 through its own domain name (DNS rebinding) gets nothing.
        var request = new HttpRequestMessage(HttpMethod.Get, "api/scenario");
        request.Headers.Host = "attacker.example:" + server.Host.Address.Port;
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("bad-host", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewerRequest_FromTheSameClient_CancelsTheOlderOne()
    {
        var clock = Stopwatch.StartNew();
        var older = server.Post("api/run", """{"runs": 1000000}""", client: "page-a");
        while (!server.Host.IsRunning("page-a") && !older.IsCompleted)
        {
            await Task.Delay(10);
        }

        using var newer = await server.Post("api/run", """{"runs": 100}""", client: "page-a");
        using var olderResponse = await older;

        Assert.Equal(HttpStatusCode.OK, newer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, olderResponse.StatusCode);
        Assert.Contains("superseded", await olderResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // A million runs take far longer than this on two cores: the run stopped instead of finishing.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task TwoClients_AtOnce_EachGetsTheFiguresOfItsOwnSettings()
    {
        const string a = """{"variants": ["monitored"], "runs": 2000}""";
        const string b = """{"changes": [{"path": "actors.west.reservation", "shift": -0.1}], "runs": 2000}""";
        var alone = (A: await Bytes(a, "alone"), B: await Bytes(b, "alone"));

        var together = await Task.WhenAll(Bytes(a, "page-1"), Bytes(b, "page-2"));

        Assert.Equal(alone.A, together[0]);
        Assert.Equal(alone.B, together[1]);
        Assert.NotEqual(together[0], together[1]);
    }

    [Fact]
    public async Task Save_BadName_WritesNothing()
    {
        foreach (var name in new[] { "../escape", "", "a/b", ".hidden", new string('x', 65), "/tmp/abs" })
        {
            using var response = await server.Post("api/save", JsonSerializer.Serialize(new { runs = 100, name }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.False(Directory.Exists(server.OutRoot));
        Assert.Equal(["small.yaml"], Directory.GetFileSystemEntries(server.Folder).Select(Path.GetFileName));
    }

    private async Task<JsonElement> Summary(string body)
    {
        using var response = await server.Post("api/run", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<byte[]> Bytes(string body, string client)
    {
        using var response = await server.Post("api/run", body, client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
