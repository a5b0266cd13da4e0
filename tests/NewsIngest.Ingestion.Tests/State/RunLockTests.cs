using System.Diagnostics;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Tests.Storage;

namespace NewsIngest.Ingestion.Tests.State;

public sealed class RunLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string LockPath => _dir.Combine("state", "newsingest.db.lock");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_second_holder_is_refused_with_a_message_naming_the_first_holders_pid()
    {
        Assert.True(RunLock.TryAcquire(LockPath, out var first, out _));
        using (first)
        {
            Assert.False(RunLock.TryAcquire(LockPath, out var second, out var message));
            Assert.Null(second);
            Assert.Contains($"pid {Environment.ProcessId}", message, StringComparison.Ordinal);
            Assert.Contains(LockPath, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        Assert.True(RunLock.TryAcquire(LockPath, out var first, out _));
        first!.Dispose();

        Assert.True(RunLock.TryAcquire(LockPath, out var again, out _));
        again!.Dispose();
    }

    [Fact]
    public void A_lock_left_by_a_killed_process_is_taken_over()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Given another process that holds the lock (flock(1) takes the same kernel lock .NET uses) and is then killed
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        File.WriteAllText(LockPath, "999999\n");
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", LockPath, "sleep", "30"]))!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (RunLock.TryAcquire(LockPath, out var early, out _))
        {
            early!.Dispose();
            Assert.True(DateTime.UtcNow < deadline, "flock never took the lock");
            Thread.Sleep(20);
        }

        holder.Kill(entireProcessTree: true);
        holder.WaitForExit();

        // Then the stale lock is taken over (once the kernel has released the dead holder's lock) and carries our pid
        RunLock? taken;
        string? message;
        var settle = DateTime.UtcNow.AddSeconds(5);
        while (!RunLock.TryAcquire(LockPath, out taken, out message) && DateTime.UtcNow < settle)
        {
            Thread.Sleep(50);
        }

        Assert.True(taken is not null, message);
        using (taken)
        {
            Assert.False(RunLock.TryAcquire(LockPath, out _, out var refused));
            Assert.Contains($"pid {Environment.ProcessId}", refused, StringComparison.Ordinal);
        }
    }
}
