namespace NewsIngest.Cli.Tests;

public sealed class ReprocessCommandTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(4).WithConfig();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Reprocess_rebuilds_from_the_archive_and_writes_nothing_when_no_preview_changed()
    {
        var once = await NewsIngestExecutable.RunAsync(_work.Args("once", "--archive"));
        Directory.Delete(_work.PagesDirectory, recursive: true);

        var result = await NewsIngestExecutable.RunAsync(_work.Args("reprocess"));

        Assert.True(once.ExitCode == 0, once.ToString());
        Assert.Equal(4, Directory.GetFiles(Path.Combine(_work.Root, "data", "archive"), "*.html.gz", SearchOption.AllDirectories).Length);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Workspace.Count(result.Stdout, "unchanged"));
        Assert.Equal(0, Workspace.Count(result.Stdout, "failed"));
        Assert.Equal(4, _work.Records().Count);
    }

    [Fact]
    public async Task Reprocess_without_an_archive_says_so()
    {
        await NewsIngestExecutable.RunAsync(_work.Args("once"));

        var result = await NewsIngestExecutable.RunAsync(_work.Args("reprocess"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("nothing archived yet", result.Stdout, StringComparison.Ordinal);
    }
}
