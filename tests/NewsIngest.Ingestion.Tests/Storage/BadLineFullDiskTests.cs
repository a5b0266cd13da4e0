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
    private readonly TinyDisk _tiny;
    private readonly string _disk;

    public BadLineFullDiskTests()
    {
        _tiny = new TinyDisk(_dir.Combine("disk"));
        _disk = _tiny.Root;
    }

    private string LastFile => Path.Combine(_disk, RecordFiles.Name("records", new DateOnly(2026, 11, 28), 0));

    public void Dispose()
    {
        _tiny.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void No_room_for_the_copy_changes_nothing_and_leaves_no_file()
    {
        var before = WriteLastFile(records: 20);
        _tiny.Fill();

        var error = Assert.Throws<OutputUnavailableException>(() => BadLineRecovery.Repair(_disk, "records", DateTimeOffset.UtcNow, default));

        Assert.StartsWith($"could not move 1 line(s) that are not records out of {LastFile} (line 11 first): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        AssertUnchanged(before);

        // And with space back, the line is moved.
        _tiny.Free();
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
}
