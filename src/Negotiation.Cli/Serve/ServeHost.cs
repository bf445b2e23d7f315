using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Negotiation.Reporting;
using Negotiation.Reporting.Summaries;

namespace Negotiation.Cli.Serve;

/// <summary>
/// The web server of <c>negotiate serve</c>: Kestrel with five routes and nothing else (no configuration files, no
/// static files, no logging providers):
/// <list type="bullet">
/// <item><c>GET /</c> the what-if page (one self-contained HTML file embedded in the assembly);</item>
/// <item><c>GET /api/scenario</c> the scenario's variants and parameter controls;</item>
/// <item><c>POST /api/run</c> simulates the settings and answers with their summary.json;</item>
/// <item><c>POST /api/variant</c> the YAML variant block the settings stand for;</item>
/// <item><c>POST /api/save</c> writes the report and the block under the output folder.</item>
/// </list>
/// Each page sends an <c>X-Client</c> id; a newer request from the same client cancels its older one. Bad input is
/// answered with 400 and <c>{"error": ..., "messages": [...]}</c>, never with a crash.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    /// <summary>The largest request body read: settings are a few hundred bytes.</summary>
    public const int MaxRequestBytes = 64 * 1024;

    /// <summary>Simulations allowed at once (each uses every worker thread); further requests wait their turn.</summary>
    public const int MaxConcurrentRuns = 4;

    private static readonly JsonSerializerOptions RequestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };

    private readonly WhatIfSession _session;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _latest = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(MaxConcurrentRuns);
    private readonly bool _loopback;
    private byte[]? _page;

    private ServeHost(WhatIfSession session, WebApplication app, bool loopback)
    {
        _session = session;
        _app = app;
        _loopback = loopback;
    }

    /// <summary>The address the server listens on (with the port the system chose for port 0).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Whether a request of <paramref name="client"/> is registered for cancellation (a newer one would cancel it).</summary>
    internal bool IsRunning(string client) => _latest.ContainsKey(client);

    /// <summary>Whether <paramref name="address"/> is a loopback address (127.0.0.0/8 or ::1).</summary>
    public static bool IsLoopback(IPAddress address) => IPAddress.IsLoopback(address);

    /// <summary>Starts the server on <paramref name="address"/>:<paramref name="port"/> (0 for any free port).</summary>
    /// <exception cref="IOException">The port is taken or cannot be bound.</exception>
    public static async Task<ServeHost> StartAsync(WhatIfSession session, IPAddress address, int port, CancellationToken cancellation = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = MaxRequestBytes;
            options.Listen(address, port);
        });
        var app = builder.Build();
        var host = new ServeHost(session, app, IsLoopback(address));
        app.Run(host.HandleAsync);
        await app.StartAsync(cancellation).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pending in _latest.Values)
        {
            Cancel(pending);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        try
        {
            if (_loopback && !IsLoopbackHost(context.Request.Host))
            {
                // A page on another site must not reach this server through a name that resolves to 127.0.0.1.
                await Error(context, 400, "bad-host", $"this server answers requests for {Address.Authority} only, not for '{context.Request.Host}'").ConfigureAwait(false);
                return;
            }

            var path = context.Request.Path.Value ?? "/";
            var method = context.Request.Method;
            switch (path, method)
            {
                case ("/", "GET"):
                    await Page(context).ConfigureAwait(false);
                    break;
                case ("/api/scenario", "GET"):
                    await Json(context, 200, ScenarioJson()).ConfigureAwait(false);
                    break;
                case ("/api/run", "POST"):
                    await Run(context).ConfigureAwait(false);
                    break;
                case ("/api/variant", "POST"):
                    await Variant(context).ConfigureAwait(false);
                    break;
                case ("/api/save", "POST"):
                    await Save(context).ConfigureAwait(false);
                    break;
                case ("/" or "/api/scenario" or "/api/run" or "/api/variant" or "/api/save", _):
                    response.Headers.Allow = path is "/" or "/api/scenario" ? "GET" : "POST";
                    await Error(context, 405, "method", $"{method} {path} is not allowed; expected {response.Headers.Allow}").ConfigureAwait(false);
                    break;
                default:
                    await Error(context, 404, "not-found", $"{Clip(path)} is not a page of this server; it answers about {_session.SourcePath} only").ConfigureAwait(false);
                    break;
            }
        }
        catch (WhatIfInputException e)
        {
            await Error(context, 400, "bad-input", e.Messages).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The page went away or aborted the request itself: nobody is listening for an answer.
        }
        catch (OperationCanceledException)
        {
            await Error(context, 409, "superseded", "a newer request from the same page replaced this one").ConfigureAwait(false);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException && !response.HasStarted)
        {
            await Error(context, e is BadHttpRequestException bad ? bad.StatusCode : 400, "bad-request", e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!response.HasStarted)
        {
            // A bug, not bad input: answered plainly, and the server keeps serving.
            await Error(context, 500, "internal", "internal error: " + e.Message).ConfigureAwait(false);
        }
    }

    private async Task Page(HttpContext context)
    {
        _page ??= ReadPage();
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        // Everything the page needs is inline; it may talk to this server and nothing else.
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        await response.Body.WriteAsync(_page, context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] ReadPage()
    {
        using var stream = typeof(ServeHost).Assembly.GetManifestResourceStream("Negotiation.Cli.Serve.whatif.html")
            ?? throw new InvalidOperationException("the what-if page is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private async Task Run(HttpContext context)
    {
        var settings = await ReadUnnamed(context).ConfigureAwait(false);
        var plan = _session.Prepare(settings);
        using var cancellation = Supersede(context);
        var clock = Stopwatch.StartNew();
        var result = await Simulate(() => _session.Run(plan, cancellation.Token), cancellation.Token).ConfigureAwait(false);
        var summary = SummaryJson.ToUtf8(SummaryBuilder.Build(result));
        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"simulate;dur={clock.Elapsed.TotalMilliseconds:0}");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(summary, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task Variant(HttpContext context)
    {
        var settings = await ReadUnnamed(context).ConfigureAwait(false);
        var plan = _session.Prepare(settings);
        context.Response.ContentType = "text/yaml; charset=utf-8";
        await context.Response.WriteAsync(_session.VariantBlock(plan), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task Save(HttpContext context)
    {
        var (settings, name) = await ReadSettings(context).ConfigureAwait(false);
        var plan = _session.Prepare(settings);
        // A save is not superseded by the next update: it runs to the end unless the page goes away.
        var saved = await Simulate(() => _session.Save(plan, name ?? "", context.RequestAborted), context.RequestAborted).ConfigureAwait(false);
        await Json(context, 200, json =>
        {
            json.WriteString("reportDirectory", saved.ReportDirectory);
            json.WriteString("variantFile", saved.VariantFile);
            json.WriteString("yaml", saved.Yaml);
        }).ConfigureAwait(false);
    }

    /// <summary>Runs the simulation on its own thread once a slot is free.</summary>
    private async Task<T> Simulate<T>(Func<T> work, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return await Task.Factory.StartNew(work, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The cancellation of this request: when the page goes away, or when the same client (X-Client header) sends a
    /// newer request, which cancels this one. Disposing it forgets the request.
    /// </summary>
    private Lease Supersede(HttpContext context)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var client = context.Request.Headers["X-Client"].ToString();
        if (client.Length is > 0 and <= 64 && client.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            _latest.AddOrUpdate(client, source, (_, previous) =>
            {
                Cancel(previous);
                return source;
            });
            return new Lease(this, client, source);
        }

        return new Lease(this, null, source);
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That request has just finished.
        }
    }

    /// <summary>A request's cancellation, registered under its client until disposed.</summary>
    private sealed class Lease(ServeHost host, string? client, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            if (client is not null)
            {
                host._latest.TryRemove(new KeyValuePair<string, CancellationTokenSource>(client, source));
            }

            source.Dispose();
        }
    }

    private async Task<WhatIfSettings> ReadUnnamed(HttpContext context)
    {
        var (settings, name) = await ReadSettings(context).ConfigureAwait(false);
        return name is null ? settings : throw new WhatIfInputException("'name' names a saved report; send it to /api/save");
    }

    private async Task<(WhatIfSettings Settings, string? Name)> ReadSettings(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxRequestBytes)
        {
            throw new WhatIfInputException($"the request is {context.Request.ContentLength} bytes; expected at most {MaxRequestBytes}");
        }

        SettingsBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SettingsBody>(context.Request.Body, RequestJson, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new WhatIfInputException($"the request is not what-if settings: {e.Message} Expected {{\"variants\": [...], \"changes\": [{{\"path\": ..., \"pin\": number}} or {{\"path\": ..., \"shift\": number}}], \"runs\": number}}");
        }

        if (body is null)
        {
            throw new WhatIfInputException("the request is empty; expected what-if settings as JSON");
        }

        var changes = (body.Changes ?? []).Select(c => c is null
            ? throw new WhatIfInputException("a parameter change is null; expected {\"path\": ..., \"pin\": number} or {\"path\": ..., \"shift\": number}")
            : new WhatIfChange(c.Path ?? "", c.Pin, c.Shift)).ToArray();
        var variants = (body.Variants ?? []).Select(v => v ?? throw new WhatIfInputException("a variant id is null; expected a variant's id")).ToArray();
        return (new WhatIfSettings(variants, changes, body.Runs ?? _session.DefaultRuns), body.Name);
    }

    private Action<Utf8JsonWriter> ScenarioJson() => json =>
    {
        var set = _session.Set;
        json.WriteString("id", set.Metadata.Id);
        json.WriteString("title", set.Metadata.Title);
        json.WriteString("sourcePath", _session.SourcePath);
        json.WriteNumber("seed", _session.Seed);
        json.WriteNumber("defaultRuns", _session.DefaultRuns);
        json.WriteNumber("maxRuns", WhatIfSession.MaxRuns);
        json.WriteString("whatIfId", _session.WhatIfId);
        json.WriteString("whatIfName", WhatIfSession.WhatIfName);
        json.WriteString("theme", _session.Theme);
        json.WriteString("outRoot", _session.OutRoot);
        json.WriteStartObject("baseline");
        json.WriteString("id", set.Baseline.Id);
        json.WriteString("name", set.Baseline.Name);
        json.WriteEndObject();
        json.WriteStartArray("variants");
        foreach (var v in set.Variants.Skip(1))
        {
            json.WriteStartObject();
            json.WriteString("id", v.Id);
            json.WriteString("name", v.Name);
            json.WriteString("description", v.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("parameters");
        foreach (var p in _session.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("parameter", p.Parameter);
            json.WriteString("path", p.NodePath);
            json.WriteString("distribution", Describe(p.Distribution));
            Number(json, "mean", p.Distribution.Mean);
            Number(json, "pinLow", p.PinRange.Low);
            Number(json, "pinHigh", p.PinRange.High);
            json.WriteBoolean("shiftable", p.Shiftable);
            Number(json, "shiftLow", p.ShiftRange.Low);
            Number(json, "shiftHigh", p.ShiftRange.High);
            Number(json, "influence", p.Influence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    };

    private static string Describe(Core.Model.Uncertain u) => u switch
    {
        Core.Model.PertDist p => $"pert({F(p.Min)}, {F(p.Mode)}, {F(p.Max)})",
        Core.Model.TriangularDist t => $"triangular({F(t.Min)}, {F(t.Mode)}, {F(t.Max)})",
        Core.Model.UniformDist x => $"uniform({F(x.Min)}, {F(x.Max)})",
        Core.Model.NormalDist n => $"normal(mean {F(n.Mu)}, sd {F(n.Sigma)})",
        Core.Model.LogNormalDist l => $"lognormal(mu {F(l.Mu)}, sigma {F(l.Sigma)})",
        Core.Model.BetaDist b => $"beta({F(b.Alpha)}, {F(b.Beta)}) on [{F(b.Min)}, {F(b.Max)}]",
        Core.Model.Fixed f => F(f.Value),
        _ => u.ToString(),
    };

    private static string F(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private bool IsLoopbackHost(HostString host) =>
        host.HasValue
        && host.Port == Address.Port
        && (host.Host is "localhost" or "[::1]" || IPAddress.TryParse(host.Host, out var ip) && IPAddress.IsLoopback(ip));

    private static Task Error(HttpContext context, int status, string error, string message) => Error(context, status, error, [message]);

    private static Task Error(HttpContext context, int status, string error, IReadOnlyList<string> messages) =>
        Json(context, status, json =>
        {
            json.WriteString("error", error);
            json.WriteStartArray("messages");
            foreach (var m in messages)
            {
                json.WriteStringValue(m);
            }

            json.WriteEndArray();
        });

    private static async Task Json(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>The request body of /api/run, /api/variant and /api/save; <see cref="Name"/> only for a save.</summary>
    private sealed class SettingsBody
    {
        public string?[]? Variants { get; set; }

        public ChangeBody?[]? Changes { get; set; }

        public long? Runs { get; set; }

        public string? Name { get; set; }
    }

    private sealed class ChangeBody
    {
        public string? Path { get; set; }

        public double? Pin { get; set; }

        public double? Shift { get; set; }
    }
}
