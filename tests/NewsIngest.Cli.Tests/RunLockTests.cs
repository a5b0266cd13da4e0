namespace NewsIngest.Cli.Tests;

public sealed class RunLockTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(250).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Of_two_once_runs_started_together_one_works_and_the_other_exits_3_naming_the_holder()
    {
        var first = NewsIngestExecutable.RunAsync(_work.Args("once"));
        var second = NewsIngestExecutable.RunAsync(_work.Args("once"));
        var results = await Task.WhenAll(first, second);

        var worked = Assert.Single(results, r => r.ExitCode == 0);
        var refused = Assert.Single(results, r => r.ExitCode == 3);
        Assert.Equal(250, Workspace.Count(worked.Stdout, "new"));
        var line = Assert.Single(refused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^newsingest once: another newsingest run \(pid \d+\) holds the lock .*newsingest\.db\.lock$", line);
        Assert.Equal(250, _work.Records().Count);
    }
}
