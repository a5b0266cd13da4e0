using System.Globalization;
using NewsIngest.Cli.Tests.EndToEnd;
using NewsIngest.Tests.Shared.Workers;

namespace NewsIngest.Cli.Tests.Workers;

/// <summary>
/// <c>NEWSINGEST_TEST_PAUSE_AT</c>, the hook the failover test freezes a worker with: the process stops itself
/// between appending a batch and committing it, and carries on where it was on SIGCONT.
/// </summary>
public sealed class PausePointTests : IDisposable
{
    private readonly Workspace _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task A_run_paused_after_its_first_append_holds_its_lines_uncommitted_until_SIGCONT_then_finishes_once_each()
    {
        await using var server = await NewsServer.StartAsync();
        server.Serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        var urls = Enumerable.Range(1, 3).Select(i => server.Url($"/n/{i}")).ToArray();
        foreach (var (url, i) in urls.Select((u, i) => (u, i)))
        {
            server.Serve(new Uri(url).AbsolutePath, "text/html; charset=utf-8",
                ArticlePage.Html(url, $"Harbour report {i}", $"Shipping volumes at berth {i} rose for a {i}th month running."));
        }

        E2eConfig.Write(_work, $$"""{ "Name": "loop", "Urls": [ {{string.Join(", ", urls.Select(u => $"\"{u}\""))}} ] }""");
        await using var worker = WorkerProcess.Start(NewsIngestExecutable.Path, "once", _work.ConfigPath, "solo",
            Path.Combine(_work.Root, "solo.log"), new Dictionary<string, string> { ["NEWSINGEST_TEST_PAUSE_AT"] = "appended:1" });

        await Eventually.TrueAsync(() => worker.IsStopped || worker.HasExited, TimeSpan.FromSeconds(60),
            "the run did not stop itself at appended:1", () => worker.Tail());
        Assert.True(worker.IsStopped, worker.Tail());
        var appended = OutputAudit.Read(_work.RecordsDirectory).Lines;
        await worker.ContinueAsync();

        Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)), worker.Tail());
        Assert.True(worker.ExitCode == 0, worker.Tail());
        var audit = OutputAudit.Read(_work.RecordsDirectory);
        Assert.True(appended > 0, string.Create(CultureInfo.InvariantCulture, $"nothing appended at the pause\n{worker.Tail()}"));
        Assert.Empty(audit.Torn);
        Assert.Empty(audit.Duplicates());
        Assert.Empty(audit.Missing(urls));
    }
}
