using NewsIngest.Ingestion.Faults;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// A real full disk: the output directory is a 1 MiB tmpfs (mounted by the test; it runs as root, as CI does), filled
/// with a file until the kernel answers ENOSPC. At start and during a pass the run stops or fails its pages with
/// one line and a documented exit code, leaves no stray file, and once space returns every page is recorded exactly
/// once.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private const int Pages = 40;
    private readonly Workspace _work = new Workspace().WithPages(Pages);
    private readonly TinyDisk _tiny;
    private readonly string _disk;

    public FullDiskTests()
    {
        _tiny = new TinyDisk(Path.Combine(_work.Root, "disk"));
        _disk = _tiny.Root;
        _work.WithConfig(extra: $$""", "Pass": { "MaxConcurrency": 2 }""");
        File.WriteAllText(_work.ConfigPath, File.ReadAllText(_work.ConfigPath)
            .Replace("\"Directory\": \"data/records\"", $"\"Directory\": \"{_disk}/records\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_disk_at_start_stops_the_run_with_one_line_and_exit_6_leaving_the_torn_file_as_it_was()
    {
        // Given a run killed half-way through appending (a torn last line), then a disk with no space left
        var killed = await NewsIngestExecutable.RunAsync(_work.Args("once"),
            new Dictionary<string, string> { [CrashPoint.Variable] = $"{CrashPoint.MidAppend}:1" });
        Assert.True(killed.ExitCode == 137, killed.ToString());
        var recordFile = Assert.Single(Directory.GetFiles(Path.Combine(_disk, "records"), "*.jsonl"));
        var before = await File.ReadAllBytesAsync(recordFile);
        Assert.NotEqual((byte)'\n', before[^1]);
        _tiny.Fill();

        // When the next run starts
        var full = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        // Then one line, exit 6, nothing changed and no empty copy of the torn line left behind
        Assert.True(full.ExitCode == 6, full.ToString());
        var line = Assert.Single(full.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("newsingest once:", StringComparison.Ordinal));
        Assert.Contains("could not move the torn last line", line, StringComparison.Ordinal);
        Assert.Contains("No space left on device", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_disk, "records"), "*.torn-*"));
        Assert.Equal(before, await File.ReadAllBytesAsync(recordFile));

        // And once space returns, every page is recorded exactly once
        _tiny.Free();
        await AssertEveryPageOnceAsync();
    }

    [Fact]
    public async Task A_disk_that_fills_during_a_pass_fails_the_pages_it_cannot_write_and_loses_none()
    {
        // Given a disk with room for a few records only
        _tiny.Fill(leaveBytes: 12 * 1024);

        // When a pass runs over forty pages
        var full = await NewsIngestExecutable.RunAsync(_work.Args("once"));

        // Then the pages that did not fit failed with a reason (exit 1), each line of the output is whole
        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.Contains("No space left on device", full.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);
        Assert.True(Workspace.Count(full.Stdout, "failed") > 0, full.Stdout);

        // And once space returns, every page is recorded exactly once and no stray file is left
        _tiny.Free();
        await AssertEveryPageOnceAsync();
    }

    public void Dispose()
    {
        _tiny.Dispose();
        _work.Dispose();
    }

    private async Task AssertEveryPageOnceAsync()
    {
        var again = await NewsIngestExecutable.RunAsync(_work.Args("once"));
        Assert.True(again.ExitCode == 0, again.ToString());
        var records = Directory.GetFiles(Path.Combine(_disk, "records"), "*.jsonl").SelectMany(File.ReadAllLines).ToList();
        var urls = records.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("url").GetString()).ToList();
        Assert.Equal(Pages, urls.Count);
        Assert.Equal(Pages, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Directory.GetFiles(Path.Combine(_disk, "records")), f => Assert.True(new FileInfo(f).Length > 0, $"empty file {f}"));
    }
}
