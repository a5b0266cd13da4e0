using System.Globalization;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Finds record files whose last line has no line break (the process died mid-append), copies the partial line to
/// <c>{file}.torn-{timestamp}</c> (fsynced) and only then cuts the file back to its last complete line. Nothing is
/// deleted: the torn bytes stay on disk for inspection. Without room for the copy, nothing is cut and no copy is
/// left: <see cref="OutputUnavailableException"/>.
/// </summary>
public static class TornLineRecovery
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Repairs every record file in <paramref name="directory"/>; returns what was moved.</summary>
    public static IReadOnlyList<TornLine> Repair(string directory, string prefix, DateTimeOffset now)
    {
        var moved = new List<TornLine>();
        foreach (var file in RecordFiles.List(directory, prefix))
        {
            if (RepairFile(file, now) is { } torn)
            {
                moved.Add(torn);
            }
        }

        return moved;
    }

    /// <summary>Repairs one file; null when its last line is complete.</summary>
    public static TornLine? RepairFile(string file, DateTimeOffset now)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var length = stream.Length;
        if (length == 0 || LastByte(stream) == (byte)'\n')
        {
            return null;
        }

        var keep = LastLineBreak(stream) + 1;
        var tornPath = $"{file}.torn-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}";
        try
        {
            using var torn = new FileStream(tornPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Position = keep;
            stream.CopyTo(torn);
            torn.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            // No room for the copy (a full disk): leave the record file whole and no empty copy behind, and say so.
            // The next start, with space, repairs it.
            TryDelete(tornPath);
            throw new OutputUnavailableException(
                $"could not move the torn last line of {file} ({length - keep} bytes) aside: {ex.Message.TrimEnd('.')}; " +
                "nothing was changed, run again once there is space", ex);
        }

        stream.SetLength(keep);
        stream.Flush(flushToDisk: true);
        return new TornLine(file, tornPath, length - keep);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a copy that cannot be deleted either is at worst an empty file named as torn.
        }
    }

    private static int LastByte(FileStream stream)
    {
        stream.Position = stream.Length - 1;
        return stream.ReadByte();
    }

    /// <summary>The offset of the last '\n', or -1 when the file has none.</summary>
    private static long LastLineBreak(FileStream stream)
    {
        var buffer = new byte[ChunkBytes];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - ChunkBytes);
            var count = (int)(end - start);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, count);
            var index = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (index >= 0)
            {
                return start + index;
            }

            end = start;
        }

        return -1;
    }
}
