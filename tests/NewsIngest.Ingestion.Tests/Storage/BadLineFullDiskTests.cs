using System.Diagnostics;
using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

/// <summary>
/// Moving a bad line aside on a real full disk: the record directory is a 1 MiB tmpfs (mounted by the test; it runs
/// as root, as CI does). Without room for the copy, or for the rewritten file, the run stops with one line, the file
/// is as it was and no partial copy is left.
/// </summary>
public sealed class BadLineFullDiskTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _disk;

    public BadLineFullDiskTests()
    {
        _disk = _dir.Combine("disk");
        Directory.CreateDirectory(_disk);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", _disk);
        Assert.True(code == 0, $"mounting a tmpfs needs root: {error}");
    }

    private string LastFile => Path.Combine(_disk, RecordFiles.Name("records", new DateOnly(2026, 11, 28), 0));

    public void Dispose()
    {
        Run("umount", _disk);
        _dir.Dispose();
    }

    [Fact]
    public void No_room_for_the_copy_changes_nothing_and_leaves_no_file()
    {
        var before = WriteLastFile(records: 20);
        Fill(leaveBytes: 0);

        var error = Assert.Throws<OutputUnavailableException>(() => BadLineRecovery.Repair(_disk, "records", DateTimeOffset.UtcNow, default));

        Assert.StartsWith($"could not move 1 line(s) that are not records out of {LastFile} (line 11 first): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        AssertUnchanged(before);

        // And with space back, the line is moved.
        File.Delete(Path.Combine(_disk, "filler"));
        Assert.Equal(11, Assert.Single(BadLineRecovery.Repair(_disk, "records", DateTimeOffset.UtcNow, default)).Number);
        Assert.Equal(before.Length - "not a record\n".Length, new FileInfo(LastFile).Length);
    }

    [Fact]
    public void Room_for_the_copy_but_not_for_the_rewrite_changes_nothing_and_leaves_no_file()
    {
        // A last file over half the disk cannot be written a second time beside itself.
        var before = WriteLastFile(records: 600);
        Assert.True(before.Length > 600 * 1024, $"{before.Length} bytes");

        var error = Assert.Throws<OutputUnavailableException>(() => BadLineRecovery.Repair(_disk, "records", DateTimeOffset.UtcNow, default));

        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        AssertUnchanged(before);
    }

    private void AssertUnchanged(byte[] before)
    {
        Assert.Equal(before, File.ReadAllBytes(LastFile));
        Assert.Equal(["filler", Path.GetFileName(LastFile)], Directory.GetFiles(_disk).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    private byte[] WriteLastFile(int records)
    {
        using (var stream = new FileStream(LastFile, FileMode.CreateNew, FileAccess.Write))
        {
            for (var i = 0; i < records; i++)
            {
                if (i == 10)
                {
                    stream.Write("not a record\n"u8);
                }

                stream.Write(StoredRecordJson.SerializeLine(Records.Stored($"id-{i}", $"preview text {i} " + new string('w', 800))));
            }
        }

        File.WriteAllBytes(Path.Combine(_disk, "filler"), []);
        return File.ReadAllBytes(LastFile);
    }

    // Appends to the filler until the kernel refuses more (ENOSPC), then gives back leaveBytes.
    private void Fill(int leaveBytes)
    {
        using var stream = new FileStream(Path.Combine(_disk, "filler"), FileMode.Append, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full.
        }

        stream.SetLength(Math.Max(0, stream.Length - leaveBytes));
    }

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
