using System.Text.Json;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// Every record line of every <c>*.jsonl</c> file in an output directory (all workers' files), read independently of
/// the code under test: a line is a record when it is one JSON object with a string <c>id</c> and <c>url</c> and an
/// integer <c>version</c>. What it finds: torn or foreign lines, and where each page's records are, so a test says
/// "every page exactly once across all files" with the file and line of each copy when it is not so.
/// </summary>
internal sealed class OutputAudit
{
    private readonly Dictionary<string, List<RecordLine>> _byUrl = new(StringComparer.Ordinal);
    private readonly List<string> _torn = [];

    private OutputAudit()
    {
    }

    /// <summary>The record files read, by name.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <summary>Lines that are not whole records (<c>file:line: why</c>); an unterminated last line is one.</summary>
    public IReadOnlyList<string> Torn => _torn;

    /// <summary>Record lines read.</summary>
    public int Lines => _byUrl.Values.Sum(l => l.Count);

    /// <summary>
    /// Reads <paramref name="directory"/>. With <paramref name="whileRunning"/> an unterminated last line is taken to
    /// be an append in progress and left out, not counted as torn.
    /// </summary>
    public static OutputAudit Read(string directory, bool whileRunning = false)
    {
        var audit = new OutputAudit();
        if (!Directory.Exists(directory))
        {
            return audit;
        }

        audit.Files = [.. Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal)];
        foreach (var file in audit.Files)
        {
            audit.ReadFile(file, whileRunning);
        }

        return audit;
    }

    /// <summary>Pages of <paramref name="urls"/> with no record in any file.</summary>
    public IReadOnlyList<string> Missing(IEnumerable<string> urls) => [.. urls.Where(u => !_byUrl.ContainsKey(u))];

    /// <summary>How many of <paramref name="urls"/> have a record.</summary>
    public int Present(IEnumerable<string> urls) => urls.Count(_byUrl.ContainsKey);

    /// <summary>
    /// Pages with more than one record line (the pages never change, so any second line is the same page written
    /// twice, whatever its version): <c>url: file:line v1, file:line v1</c>.
    /// </summary>
    public IReadOnlyList<string> Duplicates() =>
    [
        .. _byUrl.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}: {string.Join(", ", p.Value.Select(l => $"{Path.GetFileName(l.File)}:{l.Line} v{l.Version}"))}"),
    ];

    /// <summary>The record files whose name carries <paramref name="workerId"/> (<c>…-{worker}-…jsonl</c>).</summary>
    public IReadOnlyList<string> FilesOf(string workerId) =>
        [.. Files.Where(f => Path.GetFileName(f).Contains($"-{workerId}-", StringComparison.Ordinal))];

    /// <summary>The URLs of the record lines in <paramref name="file"/>.</summary>
    public IReadOnlyList<string> UrlsIn(string file) =>
        [.. _byUrl.Where(p => p.Value.Any(l => l.File == file)).Select(p => p.Key)];

    /// <summary>The URLs recorded in any file other than <paramref name="files"/>.</summary>
    public IReadOnlySet<string> UrlsOutside(IReadOnlyList<string> files) =>
        _byUrl.Where(p => p.Value.Any(l => !files.Contains(l.File))).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    private void ReadFile(string file, bool whileRunning)
    {
        byte[] bytes;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }

        var start = 0;
        var line = 0;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                if (!whileRunning)
                {
                    _torn.Add($"{Path.GetFileName(file)}:{line}: last line has no end ({bytes.Length - start} bytes)");
                }

                return;
            }

            ReadLine(file, line, bytes.AsMemory(start, end - start));
            start = end + 1;
        }
    }

    private void ReadLine(string file, int line, ReadOnlyMemory<byte> text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v))
            {
                var key = url.GetString()!;
                if (!_byUrl.TryGetValue(key, out var lines))
                {
                    _byUrl[key] = lines = [];
                }

                lines.Add(new RecordLine(file, line, key, v));
                return;
            }

            _torn.Add($"{Path.GetFileName(file)}:{line}: JSON but not a record");
        }
        catch (JsonException ex)
        {
            _torn.Add($"{Path.GetFileName(file)}:{line}: not JSON ({ex.Message})");
        }
    }

    private sealed record RecordLine(string File, int Line, string Url, int Version);
}
