using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Ingestion.Tests.Storage;

/// <summary>
/// A record sink on a disk with <see cref="FreeBytes"/> left: an append that does not fit writes the bytes that
/// fit (whole lines, then part of one) and fails as a full disk does. Files are real, named as the real sink names
/// them, so start-up recovery reads them.
/// </summary>
internal sealed class FillingDisk(string directory) : IRecordSink
{
    public const string Prefix = "records";

    public long FreeBytes { get; set; } = long.MaxValue;

    public string Directory { get; } = directory;

    public string FilePrefix => Prefix;

    public string File => Path.Combine(Directory, RecordFiles.Name(Prefix, new DateOnly(2026, 11, 28), 0));

    public Task AppendAsync(IReadOnlyList<byte[]> lines, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var bytes = lines.SelectMany(l => l).ToArray();
        var fits = (int)Math.Min(bytes.Length, FreeBytes);
        using (var stream = new FileStream(File, FileMode.Append, FileAccess.Write))
        {
            stream.Write(bytes, 0, fits);
        }

        FreeBytes -= fits;
        return fits < bytes.Length
            ? throw new IOException($"No space left on device : '{File}'")
            : Task.CompletedTask;
    }

    public IReadOnlyList<TornLine> Recover() => TornLineRecovery.Repair(Directory, Prefix, DateTimeOffset.UtcNow);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
