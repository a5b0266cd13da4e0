using System.Buffers;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Faults;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Appends records as JSON Lines under <see cref="OutputOptions.Directory"/>, one file per UTC day, rotated by size.
/// A batch of lines is one <c>write</c> per file and is fsynced before <see cref="AppendAsync"/> returns. A torn
/// last line from an earlier crash or a failed append is moved aside before the next append (<see cref="Recover"/>).
/// </summary>
public sealed class JsonLinesSink : IRecordSink
{
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _stream;
    private string? _failedFile;
    private DateOnly _day;
    private int _index;
    private bool _recovered;

    public JsonLinesSink(string directory, string prefix, long maxFileBytes, TimeProvider time)
    {
        Directory = Path.GetFullPath(directory);
        FilePrefix = prefix;
        _maxFileBytes = maxFileBytes;
        _time = time;
    }

    public JsonLinesSink(IOptions<NewsIngestOptions> options, TimeProvider time)
        : this(options.Value.Output.Directory, options.Value.Output.FilePrefix, options.Value.Output.MaxFileBytes, time)
    {
    }

    /// <summary>The output directory (absolute).</summary>
    public string Directory { get; }

    public string FilePrefix { get; }

    /// <summary>The file the last record went to, if any.</summary>
    public string? CurrentFile => _stream?.Name;

    /// <summary>Records appended by this sink.</summary>
    public int Written { get; private set; }

    /// <summary>Moves torn last lines aside (once per sink, and again after a failed append); returns what was moved.</summary>
    public IReadOnlyList<TornLine> Recover()
    {
        _gate.Wait();
        try
        {
            return RecoverCore();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Appends one record (durable when it returns).</summary>
    public Task WriteAsync(StoredRecord record, CancellationToken cancellationToken) =>
        AppendAsync([StoredRecordJson.SerializeLine(record)], cancellationToken);

    public async Task AppendAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            RecoverCore();
            for (var next = 0; next < lines.Count;)
            {
                var stream = StreamFor(lines[next].Length);
                var count = LinesThatFit(lines, next, stream.Length);
                AppendToFile(stream, lines, next, count);
                next += count;
                Written += count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Closes the file appends go to (the next append opens it again), so a recovery may rewrite it: a worker's
    /// reconcile moving duplicate lines out. Call only between appends (the batch writer's own loop).
    /// </summary>
    public void CloseFile()
    {
        _gate.Wait();
        try
        {
            _stream?.Dispose();
            _stream = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stream is not null)
            {
                await _stream.DisposeAsync();
                _stream = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private IReadOnlyList<TornLine> RecoverCore()
    {
        if (_recovered)
        {
            return [];
        }

        var moved = TornLineRecovery.Repair(Directory, FilePrefix, _time.GetUtcNow());
        if (_failedFile is { } failed && File.Exists(failed))
        {
            // Whole lines a failed append left behind were never fsynced: they must be durable before anyone
            // counts them as written.
            using var file = new FileStream(failed, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
        }

        _failedFile = null;
        _recovered = true;
        return moved;
    }

    /// <summary>How many lines from <paramref name="first"/> on fit in the current file (at least one).</summary>
    private int LinesThatFit(IReadOnlyList<byte[]> lines, int first, long fileLength)
    {
        var bytes = fileLength + lines[first].Length;
        var count = 1;
        while (first + count < lines.Count && bytes + lines[first + count].Length <= _maxFileBytes)
        {
            bytes += lines[first + count].Length;
            count++;
        }

        return count;
    }

    private void AppendToFile(FileStream stream, IReadOnlyList<byte[]> lines, int first, int count)
    {
        var size = 0;
        for (var i = first; i < first + count; i++)
        {
            size += lines[i].Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var offset = 0;
            for (var i = first; i < first + count; i++)
            {
                lines[i].CopyTo(buffer, offset);
                offset += lines[i].Length;
            }

            // Synchronous and uncancellable on purpose: the lines are written whole, then fsynced, or the failure
            // is repaired before the next append. (Test-only, unset in production: half of the batch reaches the
            // disk, then the process dies.)
            if (CrashPoint.IsDue(CrashPoint.MidAppend))
            {
                // Half the bytes, moved off a line end: half of two equal lines is a clean boundary, not a torn line.
                var cut = size / 2;
                if (cut > 1 && buffer[cut - 1] == (byte)'\n')
                {
                    cut--;
                }

                stream.Write(buffer, 0, cut);
                stream.Flush(flushToDisk: true);
                CrashPoint.Die();
            }

            stream.Write(buffer, 0, size);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Part of the batch may be in the file (disk full), the last line maybe torn: close it and repair it
            // before the next append, so the next record never lands glued to a torn one.
            _stream = null;
            _failedFile = stream.Name;
            _recovered = false;
            try
            {
                stream.Dispose();
            }
            catch (IOException)
            {
                // Closing flushes nothing (no buffer); the repair deals with whatever is in the file.
            }

            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private FileStream StreamFor(int lineBytes)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        if (_stream is not null && _day == today && (_stream.Length == 0 || _stream.Length + lineBytes <= _maxFileBytes))
        {
            return _stream;
        }

        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
            if (_day == today)
            {
                return Open(today, _index + 1);
            }
        }

        // First file of the day, or first write of this process: continue the newest file of today if it has room.
        var index = 0;
        var existing = RecordFiles.List(Directory, FilePrefix)
            .Select(f => (Path: f, Ok: RecordFiles.TryParse(Path.GetFileName(f), FilePrefix, out var day, out var i), Day: day, Index: i))
            .Where(f => f.Ok && f.Day == today)
            .OrderBy(f => f.Index)
            .LastOrDefault();
        if (existing.Path is not null)
        {
            var size = new FileInfo(existing.Path).Length;
            index = size == 0 || size + lineBytes <= _maxFileBytes ? existing.Index : existing.Index + 1;
        }

        return Open(today, index);
    }

    private FileStream Open(DateOnly day, int index)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, RecordFiles.Name(FilePrefix, day, index));
        // bufferSize 0: every Write goes straight to the OS, so a record is one write call.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _day = day;
        _index = index;
        return _stream;
    }
}
