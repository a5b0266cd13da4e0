using NewsIngest.Tests.Shared.Workers;

namespace NewsIngest.Cli.Tests.Workers;

/// <summary>The multi-worker tests' checks can fail: each finds what it is there to find.</summary>
public sealed class HarnessCheckTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "newsingest-harness-checks", Guid.NewGuid().ToString("N"));

    public HarnessCheckTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_output_audit_names_a_page_written_twice_across_files_a_torn_line_and_a_missing_page()
    {
        File.WriteAllText(Path.Combine(_directory, "records-w1-2026-12-07-000.jsonl"),
            Record("http://a/1", 1) + Record("http://a/2", 1) + "{\"id\":\"x\",\"url\":\"http://a/3\",\"ver");
        File.WriteAllText(Path.Combine(_directory, "records-w2-2026-12-07-000.jsonl"), Record("http://a/2", 1) + "not json\n");

        var audit = OutputAudit.Read(_directory);

        Assert.Equal(["http://a/2: records-w1-2026-12-07-000.jsonl:2 v1, records-w2-2026-12-07-000.jsonl:1 v1"], audit.Duplicates());
        Assert.Equal(2, audit.Torn.Count);
        Assert.Contains(audit.Torn, t => t.StartsWith("records-w1-2026-12-07-000.jsonl:3: last line has no end", StringComparison.Ordinal));
        Assert.Contains(audit.Torn, t => t.StartsWith("records-w2-2026-12-07-000.jsonl:2: not JSON", StringComparison.Ordinal));
        Assert.Equal(["http://a/3"], audit.Missing(["http://a/1", "http://a/2", "http://a/3"]));
        Assert.Equal(["http://a/1", "http://a/2"], audit.UrlsIn(audit.FilesOf("w1").Single()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void While_a_worker_appends_its_unfinished_last_line_is_not_torn()
    {
        File.WriteAllText(Path.Combine(_directory, "records-w1-2026-12-07-000.jsonl"), Record("http://a/1", 1) + "{\"id\":");

        var audit = OutputAudit.Read(_directory, whileRunning: true);

        Assert.Empty(audit.Torn);
        Assert.Equal(1, audit.Lines);
    }

    [Fact]
    public async Task The_farm_names_each_request_s_worker_and_finds_requests_to_one_host_closer_than_the_delay()
    {
        await using var farm = await HostFarm.StartAsync(hosts: 2, pages: 3);
        using var client = new HttpClient();
        foreach (var (worker, path) in new[] { ("w1", "/robots.txt"), ("w2", "/a/0"), ("w1", "/a/1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(farm.Hosts[0], path));
            request.Headers.TryAddWithoutValidation("User-Agent", HostFarm.UserAgentFor(worker));
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(["w1", "w2", "w1"], farm.Requests.Select(r => r.Worker));
        Assert.Equal(1, farm.ArticlesServedTo("w2"));
        // Three requests at once: both gaps are under an hour, none is under nothing.
        Assert.Equal(2, farm.TooClose(TimeSpan.FromHours(1)).Count);
        Assert.Empty(farm.TooClose(TimeSpan.Zero));
        // w1 stopped with one of the host's three articles served: the host is unfinished, the other host never started.
        Assert.Equal([farm.Hosts[0].Port], farm.UnfinishedHostsOf("w1", farm.Requests[1].Arrived));
    }

    private static string Record(string url, int version) =>
        $$"""{"id":"{{url.GetHashCode(StringComparison.Ordinal):x8}}","url":"{{url}}","version":{{version}},"contentHash":"h"}""" + "\n";
}
