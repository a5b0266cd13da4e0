using System.Text.RegularExpressions;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>What an operator reads of one pass: each discovery problem once, naming its source once; a source of
/// plain URLs is not announced as "0 found" before its pages are counted.</summary>
public sealed class PassLogTests : IAsyncLifetime
{
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        LoopbackSites.ServeNewsSiteWithArticles(_server);
        _work.WithPages(2);
    }

    [Fact]
    public async Task A_discovery_problem_is_logged_once_and_a_url_list_source_is_not_announced_as_empty()
    {
        E2eConfig.Write(_work, $$"""
            { "Name": "feeds", "Feeds": [ "{{_server.Url("/rss.xml")}}" ] },
            { "Name": "files", "Urls": [ "pages" ] }
            """);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));

        Assert.Single(Regex.Matches(result.Stderr, "rss.xml: skipped 2 malformed item\\(s\\)"));
        Assert.Contains("Discovery warning in source feeds: feed ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("feeds: feeds:", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("for files", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Source files: 2 pages to visit", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_request_is_one_log_line_per_retry_and_no_resilience_library_chatter()
    {
        _server.Fail("/a/3", 500);
        E2eConfig.Write(_work, $$"""{ "Name": "list", "Urls": [ "{{_server.Url("/a/1")}}", "{{_server.Url("/a/3")}}" ] }""");

        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(60));

        Assert.True(_server.SeenAt("/a/3").Count == 2, result.ToString());
        Assert.Single(Regex.Matches(result.Stderr, "Retrying http://[^ ]+/a/3 "));
        Assert.DoesNotContain("Resilience event", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Execution attempt", result.Stderr, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }
}
