namespace NewsIngest.Cli.Tests;

/// <summary>
/// Output and state agree: a deleted state is rebuilt from the records at start, an older state is brought level by
/// <c>state rebuild</c>, so no record is ever written twice; a line that is not a record is reported.
/// </summary>
public sealed class StateRebuildTests : IDisposable
{
    private readonly Workspace _work = new Workspace().WithPages(5).WithConfig();

    private string StatePath => Path.Combine(_work.Root, "data", "state", "newsingest.db");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Deleting_the_state_and_running_again_writes_no_record_twice()
    {
        await OnceAsync();
        DeleteState();

        var again = await OnceAsync();
        _work.WritePage("p0003.html", "Story number 3", "The council changed its mind on the budget after all.");
        await OnceAsync();

        Assert.Contains("rebuilt its URL index from 5 records", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Workspace.Count(again.Stdout, "new"));
        var versions = _work.Records().Select(r => (Url: r.GetProperty("url").GetString(), Version: r.GetProperty("version").GetInt32())).ToList();
        Assert.Equal(6, versions.Count);
        Assert.Equal(2, Assert.Single(versions, v => v.Version > 1).Version);
        Assert.Equal(5, versions.Select(v => v.Url).Distinct().Count());
    }

    [Fact]
    public async Task An_older_state_brought_level_by_state_rebuild_writes_no_version_again_and_a_bad_line_is_reported()
    {
        await OnceAsync();
        var older = Path.Combine(_work.Root, "older.db");
        File.Copy(StatePath, older);
        _work.WritePage("p0002.html", "Story number 2", "The council changed its mind on the budget after all.");
        await OnceAsync();
        DeleteState();
        File.Copy(older, StatePath);
        var file = Directory.GetFiles(_work.RecordsDirectory, "*.jsonl").Single();
        await File.AppendAllTextAsync(file, "this is not a record\n");

        var rebuild = await NewsIngestExecutable.RunAsync(["state", "rebuild", "--config", _work.ConfigPath]);
        var after = await OnceAsync(expectedExit: 0);

        Assert.True(rebuild.ExitCode == 1, rebuild.ToString());
        Assert.Contains("6 records read", rebuild.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 URLs added or moved forward", rebuild.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:7: not a record", rebuild.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Workspace.Count(after.Stdout, "new") + Workspace.Count(after.Stdout, "changed"));
    }

    private async Task<CliResult> OnceAsync(int expectedExit = 0)
    {
        var result = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        Assert.True(result.ExitCode == expectedExit, result.ToString());
        return result;
    }

    private void DeleteState()
    {
        foreach (var path in new[] { StatePath, StatePath + "-wal", StatePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
