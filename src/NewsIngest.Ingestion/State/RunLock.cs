using System.Globalization;
using System.Text;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// The lock that keeps two runs off the same state and output. The lock file is opened with
/// <see cref="FileShare.None"/>, which .NET on Linux implements with <c>flock(LOCK_EX)</c>: the kernel drops it when
/// the holder dies, so a lock left by a killed run is simply taken over. The holder's pid is written inside for the
/// "locked by" message.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock at <paramref name="path"/>, or says in one line who holds it.</summary>
    public static bool TryAcquire(string path, out RunLock? runLock, out string? message)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        FileStream stream;
        try
        {
            stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            runLock = null;
            var pid = LockHolder.ReadPid(full);
            // The holder writes its pid just after taking the lock: give it a moment before going without.
            for (var attempt = 0; pid is null && attempt < 10; attempt++)
            {
                Thread.Sleep(20);
                pid = LockHolder.ReadPid(full);
            }

            message = pid is { } holder
                ? $"another newsingest run (pid {holder}) holds the lock {full}"
                : $"another newsingest run holds the lock {full}";
            return false;
        }

        // A stale pid from a dead run may still be in the file: replace it with ours.
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        stream.Flush(flushToDisk: true);
        runLock = new RunLock(stream, full);
        message = null;
        return true;
    }

    /// <summary>Releases the lock; the file stays (deleting it would race with a run opening it).</summary>
    public void Dispose()
    {
        try
        {
            _stream.SetLength(0);
        }
        catch (IOException)
        {
            // Releasing matters more than tidying the pid away.
        }

        _stream.Dispose();
    }
}
