using System.Text;
using NewsIngest.Ingestion.Faults;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// SIGTERM to <c>once</c>. The signal is injected (<see cref="StopPoint"/>: the run sends it to itself at a counted
/// step), so it lands at the moment each test names however fast or loaded the machine is.
/// </summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly Workspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task SIGTERM_during_once_finishes_the_pages_in_flight_exits_130_and_the_next_run_completes_the_rest()
    {
        // Given a pass of 200 pages, each record committed on its own, asked to stop once 5 are committed
        const int pages = 200;
        _work.WithPages(pages).WithConfig();
        var stopped = await NewsIngestExecutable.RunAsync(_work.Args("once"), new Dictionary<string, string>
        {
            ["NEWSINGEST_OUTPUT__BATCHMAXRECORDS"] = "1",
            [StopPoint.Variable] = $"{CrashPoint.Committed}:5",
        });

        // Then it stops early with 130 and a summary that says so, leaving no torn line behind
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("(interrupted)", stopped.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work.RecordsDirectory, "*.torn-*"));
        var partial = _work.Records().Count;
        Assert.InRange(partial, 5, pages - 1);

        // And the next run writes exactly the rest
        var next = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(pages - partial, Workspace.Count(next.Stdout, "new"));
        Assert.Equal(pages, _work.Records().Select(r => r.GetProperty("url").GetString()).Distinct().Count());
        Assert.Equal(pages, _work.Records().Count);
    }

    [Fact]
    public async Task SIGTERM_while_a_large_page_is_being_extracted_gives_it_up_after_the_grace_and_exits_130_with_a_summary()
    {
        // Given pages that each take far longer to extract than the stop grace of 0.1 s
        for (var i = 1; i <= 3; i++)
        {
            File.WriteAllText(Path.Combine(_work.PagesDirectory, $"long{i}.html"), LongPage(i));
        }

        _work.WithConfig(extra: """, "Pass": { "ShutdownGrace": "00:00:00.1", "MaxConcurrency": 1 }""");

        // When the stop comes as the first page's extraction starts
        var stopped = await NewsIngestExecutable.RunAsync(
            _work.Args("once"), new Dictionary<string, string> { [StopPoint.Variable] = $"{StopPoint.Extracting}:1" });

        // Then the page in flight is given up when the grace runs out: nothing written, 130, and a summary
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("Stop requested", stopped.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 pages from 1 sources", stopped.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped 3", stopped.Stdout, StringComparison.Ordinal);
        Assert.Contains("(interrupted)", stopped.Stdout, StringComparison.Ordinal);
        Assert.Empty(_work.Records());

        // And the next run extracts all three
        var next = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(3, _work.Records().Count);
    }

    /// <summary>An article of 12,000 paragraphs (about 1.5 MB), distinct per <paramref name="n"/>.</summary>
    private static string LongPage(int n)
    {
        var html = new StringBuilder($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Long story {n}</title></head><body><article><h1>Long story {n}</h1>");
        for (var i = 0; i < 12_000; i++)
        {
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<div class=\"part\"><p>Paragraph {i} of story {n}: the committee heard evidence from witness number {i * 7 % 997} about the budget.</p></div>");
        }

        return html.Append("</article></body></html>").ToString();
    }
}
