using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Tests.Telemetry;

/// <summary><c>run</c> with <c>NewsIngest:Metrics:Listen</c>: the real executable, scraped and probed over loopback.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Workspace _work = new Workspace().WithPages(20);

    public void Dispose() => _work.Dispose();

    private string StatePath => Path.Combine(_work.Root, "data", "state", "newsingest.db");

    [Fact]
    public async Task Run_serves_the_page_counters_of_its_pass_and_readiness_follows_the_state_file()
    {
        // Given a worker on any free loopback port whose next pass is an hour away, so nothing moves after the first.
        _work.WithConfig(schedule: "1h", extra: """, "Metrics": { "Listen": "http://127.0.0.1:0/" }""");
        await using var worker = new RunningWorker(_work.Args("run"));
        var endpoint = await worker.EndpointAsync();
        var summary = (await worker.WaitForLineAsync("Pass done: .*")).Value;
        Assert.Equal(20, Workspace.Count(summary, "new"));

        // The pass's pages are counted before its summary is logged: the first scrape after it has them all.
        var metrics = await GetAsync(endpoint, "metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Equal(20, Sample(metrics.Body, "newsingest_pages_total", "outcome=\"new\"", "source=\"local\""));
        Assert.Equal(20, Sample(metrics.Body, "newsingest_records_written_total"));
        Assert.DoesNotMatch("newsingest_pages_total\\{[^}]*outcome=\"(failed|skipped|unchanged)\"", metrics.Body);
        Assert.Equal(20, Sample(metrics.Body, "newsingest_extraction_duration_seconds_count", "outcome=\"ok\""));
        Assert.Contains("dotnet_gc_collections_total", metrics.Body, StringComparison.Ordinal);

        Assert.Equal((HttpStatusCode.OK, "live"), await GetAsync(endpoint, "healthz/live"));
        Assert.Equal((HttpStatusCode.OK, "ready"), await GetAsync(endpoint, "healthz/ready"));

        // When the state file cannot be opened (moved away), the worker is not ready; back in place, it is again.
        File.Move(StatePath, StatePath + ".away");
        var unready = await GetAsync(endpoint, "healthz/ready");
        File.Move(StatePath + ".away", StatePath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.Status);
        Assert.Contains("cannot be read", unready.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ready"), await GetAsync(endpoint, "healthz/ready"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(endpoint, "elsewhere")).Status);

        Assert.Equal(0, await worker.StopAsync());
    }

    [Theory]
    [InlineData("127.0.0.1:9464", "is not http://HOST:PORT/")]
    [InlineData("https://127.0.0.1:9464/", "is not http://HOST:PORT/")]
    [InlineData("http://127.0.0.1:70000/", "the port must be 0..65535")]
    [InlineData("http://metrics.example:9464/", "the host must be an IP address")]
    [InlineData("http://localhost:0/", "port 0 (any free port) needs an address")]
    public async Task A_bad_listen_address_stops_run_before_anything_with_one_line_naming_the_key(string listen, string reason)
    {
        _work.WithConfig(extra: $$""", "Metrics": { "Listen": "{{listen}}" }""");

        foreach (var verbose in new[] { false, true })
        {
            var result = await NewsIngestExecutable.RunAsync(verbose ? _work.Args("run", "--verbose") : _work.Args("run"));

            Assert.True(result.ExitCode == 2, result.ToString());
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("NewsIngest:Metrics:Listen: ", line, StringComparison.Ordinal);
            Assert.Contains(reason, line, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_work.Root, "data", "records")));
    }

    [Fact]
    public async Task A_listen_port_already_taken_is_one_line_and_exit_2_before_any_page()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        _work.WithConfig(extra: $$""", "Metrics": { "Listen": "http://127.0.0.1:{{port}}/" }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("run"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches($"^newsingest run: NewsIngest:Metrics:Listen: cannot listen on http://127.0.0.1:{port}/: .+$", result.Stderr.Trim());
        Assert.Empty(_work.Records());
    }

    [Fact]
    public async Task Check_refuses_an_unknown_metrics_key_naming_the_nearest_one()
    {
        _work.WithConfig(extra: """, "Metrics": { "Listne": "http://127.0.0.1:9464/" }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("check"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("NewsIngest:Metrics:Listne: unknown key (did you mean 'Listen'?)", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri endpoint, string path)
    {
        using var response = await Http.GetAsync(new Uri(endpoint, path));
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Sample(string exposition, string metric, params string[] labels)
    {
        var samples = exposition.Split('\n')
            .Select(line => Regex.Match(line, $@"^{Regex.Escape(metric)}(\{{(?<labels>[^}}]*)\}})? (?<value>\S+)"))
            .Where(m => m.Success && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            .ToList();
        var sample = Assert.Single(samples);
        return double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
    }
}
