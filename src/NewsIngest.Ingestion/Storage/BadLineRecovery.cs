using System.Globalization;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Checks every line of the newest record file at start (the one appends go on to): a complete line that is not a
/// stored record (hand-edited, written by something else, damaged) is copied to <c>{file}.bad-{timestamp}</c>
/// (fsynced), then the file is rewritten without it through <c>{file}.rewrite</c> (fsynced, renamed over the file), so
/// the records in it stay byte for byte as they were and nothing is deleted. The file is read once; only when a bad
/// line is found is it read a second time to copy. Without room for the copy or the rewrite, nothing is changed and no
/// partial file is left: <see cref="OutputUnavailableException"/>. Runs after <see cref="TornLineRecovery"/>, so the
/// file ends with a line break.
/// </summary>
public static class BadLineRecovery
{
    /// <summary>How much of a bad line is kept in <see cref="BadLine.Head"/>.</summary>
    public const int HeadBytes = 64 * 1024;

    private const int CopyBytes = 256 * 1024;

    /// <summary>Checks the newest record file in <paramref name="directory"/>; returns the lines moved out of it.</summary>
    public static IReadOnlyList<BadLine> Repair(string directory, string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var files = RecordFiles.List(directory, prefix);
        return files.Count == 0 ? [] : RepairFile(files[^1], now, cancellationToken);
    }

    /// <summary>Checks one file; returns the lines moved out of it (none when every line is a record).</summary>
    public static IReadOnlyList<BadLine> RepairFile(string file, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveLines(file, (line, whole) => !whole || !RecordFragment.Read(line, whole: true).IsRecord, "bad", now, cancellationToken);

    /// <summary>
    /// Moves the lines of <paramref name="file"/> that <paramref name="move"/> picks (given the line without its
    /// break, and whether it is whole) to <c>{file}.{kind}-{timestamp}</c>, the same way: copy fsynced, file rewritten
    /// without them and renamed over it. Used for lines that are not records, and for a worker's records whose
    /// version another worker committed first (<c>dup</c>).
    /// </summary>
    public static IReadOnlyList<BadLine> MoveLines(
        string file, MoveRule move, string kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        var bad = new List<(int Number, long Offset, long Length, byte[] Head)>();
        _ = RecordFileLines.Read(file, (line, offset, length, number) =>
        {
            var whole = line.Length == length - 1;
            if (move(line, whole))
            {
                bad.Add((number, offset, length, line[..Math.Min(line.Length, HeadBytes)].ToArray()));
            }

            return true;
        }, cancellationToken);
        if (bad.Count == 0)
        {
            return [];
        }

        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var badPath = $"{file}.{kind}-{stamp}";
        var rewrite = $"{file}.rewrite";
        var created = false;
        try
        {
            using (var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                using (var copy = new FileStream(badPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
                {
                    created = true;
                    foreach (var line in bad)
                    {
                        CopyRange(source, copy, line.Offset, line.Length);
                    }

                    copy.Flush(flushToDisk: true);
                }

                using (var kept = new FileStream(rewrite, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
                {
                    long from = 0;
                    foreach (var line in bad)
                    {
                        CopyRange(source, kept, from, line.Offset - from);
                        from = line.Offset + line.Length;
                    }

                    // What follows the last bad line, an unterminated tail included (there is none after torn-line recovery).
                    CopyRange(source, kept, from, source.Length - from);
                    kept.Flush(flushToDisk: true);
                }
            }

            File.Move(rewrite, file, overwrite: true);
        }
        catch (IOException ex)
        {
            // No room for the copy or the rewrite (a full disk): the record file stays as it was and no partial copy
            // is left. The next start, with space, moves the lines.
            TryDelete(rewrite);
            if (created)
            {
                TryDelete(badPath);
            }

            throw new OutputUnavailableException(
                $"could not move {bad.Count} line(s) that are not records out of {file} (line {bad[0].Number} first): " +
                $"{ex.Message.TrimEnd('.')}; nothing was changed, run again once there is space", ex);
        }

        return [.. bad.Select(b => new BadLine(file, b.Number, badPath, b.Length) { Head = b.Head })];
    }

    /// <summary>Whether a line is moved: the line without its break, and whether it is whole.</summary>
    public delegate bool MoveRule(ReadOnlySpan<byte> line, bool whole);

    private static void CopyRange(FileStream source, FileStream target, long offset, long count)
    {
        var buffer = new byte[(int)Math.Min(CopyBytes, Math.Max(count, 1))];
        source.Position = offset;
        while (count > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                throw new IOException($"{source.Name} ended while it was being copied");
            }

            target.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: at worst a partial copy named as one is left.
        }
    }
}
