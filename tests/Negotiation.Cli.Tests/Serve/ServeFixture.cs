using System.Net;
using System.Text;
using Negotiation.Cli.Serve;

namespace Negotiation.Cli.Tests.Serve;

/// <summary>
/// A real <c>negotiate serve</c> server (Kestrel on 127.0.0.1, port 0) over a copy of TestData/small.yaml in a
/// temporary folder, with saved reports under that folder's out/; one per test class.
/// </summary>
public sealed class ServeFixture : IAsyncLifetime
{
    /// <summary>Runs of the startup ranking and the page's default: small, so the tests stay fast.</summary>
    public const long Runs = 2_000;

    private readonly TempDirectory _temp = new();

    public string Folder => _temp.Path;

    public string ScenarioFile => _temp.Combine("small.yaml");

    public string OutRoot => _temp.Combine("out");

    public WhatIfSession Session { get; private set; } = null!;

    public ServeHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        File.Copy(TestCli.TestData("small.yaml"), ScenarioFile);
        Session = WhatIfSession.Load(ScenarioFile, seed: 1, threads: 2, defaultRuns: Runs, OutRoot, "print", charts: false);
        Host = await ServeHost.StartAsync(Session, IPAddress.Loopback, 0);
        // A fresh connection per request: tests that send an oversized body or abort a request leave the server to close
        // that connection, and a pooled client reusing it would see "the response ended prematurely" in the next test.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
        Client = new HttpClient(handler) { BaseAddress = Host.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        _temp.Dispose();
    }

    public Task<HttpResponseMessage> Post(string route, string json, string? client = null, CancellationToken cancellation = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (client is not null)
        {
            request.Headers.Add("X-Client", client);
        }

        return Client.SendAsync(request, cancellation);
    }
}
