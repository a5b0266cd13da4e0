using System.Text.Json;

namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>
/// Output and state agree or say so, against a real Kestrel server on loopback that answers 304 to a request carrying
/// the validators it sent: a committed last record cut short is fetched again unconditionally and its version written
/// once; a garbage line in the last record file is reported by <c>once</c> in one line (exit 1) and moved aside.
/// </summary>
public sealed class DamagedOutputPassTests : IAsyncLifetime
{
    private static readonly string[] Paths = ["/news/1", "/news/2", "/news/3"];
    private readonly Workspace _work = new();
    private NewsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await NewsServer.StartAsync();
        _server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        foreach (var path in Paths)
        {
            _server.Serve(path, "text/html; charset=utf-8", ArticlePage.Html(
                _server.Url(path), $"Harbour works {path[^1]}", $"The port authority finished stage {path[^1]} of the new quay ahead of time."));
        }

        E2eConfig.Write(_work, $$"""{ "Name": "loop", "Urls": [ {{string.Join(", ", Paths.Select(p => $"\"{_server.Url(p)}\""))}} ] }""");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task A_committed_last_record_cut_short_is_fetched_again_unconditionally_and_written_once()
    {
        await OnceAsync(expectedExit: 0);
        var file = Assert.Single(Directory.GetFiles(_work.RecordsDirectory, "*.jsonl"));
        var lines = File.ReadAllLines(file);
        var cutUrl = JsonDocument.Parse(lines[^1]).RootElement.GetProperty("url").GetString()!;
        var cutPath = new Uri(cutUrl).AbsolutePath;
        var requestsBefore = _server.SeenAt(cutPath).Count;

        // The last record loses its last few bytes and its line break (a cut the writer did not make).
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length - 6);
        }

        var again = await OnceAsync(expectedExit: 0);

        var line = Assert.Single(Reported(again));
        Assert.Equal($"newsingest once: {cutUrl}: version 1 of its record was cut short; fetched again", line);
        Assert.Equal(1, Workspace.Count(again.Stdout, "new"));
        Assert.Equal(Paths.Length - 1, Workspace.Count(again.Stdout, "not modified"));
        var refetch = Assert.Single(_server.SeenAt(cutPath).Skip(requestsBefore));
        Assert.False(refetch.IsConditional, "the page whose record was cut was asked for with its old validators");
        Assert.Equal(200, refetch.Status);
        Assert.All(Paths.Where(p => p != cutPath), p => Assert.Equal(304, _server.SeenAt(p)[^1].Status));

        // Exactly one whole copy of each version; the cut bytes kept beside the file.
        var records = _work.Records().Select(r => (Url: r.GetProperty("url").GetString(), Version: r.GetProperty("version").GetInt32())).ToList();
        Assert.Equal(Paths.Length, records.Count);
        Assert.Equal(Paths.Length, records.Distinct().Count());
        Assert.All(records, r => Assert.Equal(1, r.Version));
        Assert.Single(Directory.GetFiles(_work.RecordsDirectory, "*.torn-*"));

        // And the pass after that is quiet: the page is 304 again, nothing written, nothing reported.
        var third = await OnceAsync(expectedExit: 0);
        Assert.Empty(Reported(third));
        Assert.Equal(Paths.Length, Workspace.Count(third.Stdout, "not modified"));
        Assert.Equal(Paths.Length, _work.Records().Count);
    }

    [Fact]
    public async Task A_garbage_line_in_the_last_file_is_reported_by_once_in_one_line_with_exit_1_and_moved_aside()
    {
        await OnceAsync(expectedExit: 0);
        var file = Assert.Single(Directory.GetFiles(_work.RecordsDirectory, "*.jsonl"));
        var records = await File.ReadAllTextAsync(file);
        await File.AppendAllTextAsync(file, "garbage that is not a record\n");

        var again = await OnceAsync(expectedExit: 1);

        var line = Assert.Single(Reported(again));
        Assert.StartsWith($"newsingest once: {file}:{Paths.Length + 1}: not a record, moved to {file}.bad-", line, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(_work.RecordsDirectory, "*.bad-*"));
        Assert.EndsWith(aside, line, StringComparison.Ordinal);
        Assert.Equal("garbage that is not a record\n", await File.ReadAllTextAsync(aside));
        Assert.Equal(records, await File.ReadAllTextAsync(file));
        Assert.Equal(Paths.Length, Workspace.Count(again.Stdout, "not modified"));
        Assert.Empty(Directory.GetFiles(_work.RecordsDirectory, "*.rewrite"));

        var third = await OnceAsync(expectedExit: 0);
        Assert.Empty(Reported(third));
    }

    // The lines newsingest itself prints about the output (the log's own lines carry a level and a timestamp).
    private static List<string> Reported(CliResult result) =>
        [.. result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith("newsingest once:", StringComparison.Ordinal))];

    private async Task<CliResult> OnceAsync(int expectedExit)
    {
        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"), timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == expectedExit, result.ToString());
        return result;
    }
}
