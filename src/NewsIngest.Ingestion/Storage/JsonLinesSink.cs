using System.Text;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Configuration;

namespace NewsIngest.Ingestion.Storage;

/// <summary>
/// Appends records as JSON Lines under <see cref="OutputOptions.Directory"/>, one file per UTC day, rotated by size.
/// Each record is one <c>write</c> of the whole line and is fsynced before <see cref="WriteAsync"/> returns. A torn
/// last line from an earlier crash is moved aside before the first append (<see cref="Recover"/>).
/// </summary>
public sealed class JsonLinesSink : IRecordSink
{
    private readonly string _prefix;
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FileStream? _stream;
    private DateOnly _day;
    private int _index;
    private bool _recovered;

    public JsonLinesSink(string directory, string prefix, long maxFileBytes, TimeProvider time)
    {
        Directory = Path.GetFullPath(directory);
        _prefix = prefix;
        _maxFileBytes = maxFileBytes;
        _time = time;
    }

    public JsonLinesSink(IOptions<NewsIngestOptions> options, TimeProvider time)
        : this(options.Value.Output.Directory, options.Value.Output.FilePrefix, options.Value.Output.MaxFileBytes, time)
    {
    }

    /// <summary>The output directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>The file the last record went to, if any.</summary>
    public string? CurrentFile => _stream?.Name;

    /// <summary>Records appended by this sink.</summary>
    public int Written { get; private set; }

    /// <summary>Moves torn last lines aside (once per sink); returns what was moved.</summary>
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

    public async Task WriteAsync(StoredRecord record, CancellationToken cancellationToken)
    {
        var line = Encoding.UTF8.GetBytes(StoredRecordJson.Serialize(record) + "\n");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            RecoverCore();
            var stream = StreamFor(line.Length);
            try
            {
                // Synchronous and uncancellable on purpose: a line is written whole, then fsynced, or not at all.
                stream.Write(line);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Part of the line may be in the file (disk full): close it and repair it before the next append,
                // so the next record never lands glued to a torn one.
                _stream = null;
                await stream.DisposeAsync();
                _recovered = false;
                throw;
            }

            Written++;
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

        _recovered = true;
        return TornLineRecovery.Repair(Directory, _prefix, _time.GetUtcNow());
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
        var existing = RecordFiles.List(Directory, _prefix)
            .Select(f => (Path: f, Ok: RecordFiles.TryParse(Path.GetFileName(f), _prefix, out var day, out var i), Day: day, Index: i))
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
        var path = Path.Combine(Directory, RecordFiles.Name(_prefix, day, index));
        // bufferSize 0: every Write goes straight to the OS, so a record is one write call.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _day = day;
        _index = index;
        return _stream;
    }
}
