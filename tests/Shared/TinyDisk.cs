using System.Diagnostics;

namespace NewsIngest.Tests.Shared;

/// <summary>
/// A real, small disk for full-disk tests: a 1 MiB tmpfs mounted at <see cref="Root"/> (the tests run as root, as CI
/// does), which <see cref="Fill"/> fills with one file until the kernel answers ENOSPC. Disposing unmounts it.
/// </summary>
public sealed class TinyDisk : IDisposable
{
    public TinyDisk(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", root);
        if (code != 0)
        {
            throw new InvalidOperationException($"mounting a tmpfs at {root} needs root: {error.Trim()}");
        }
    }

    /// <summary>Where the disk is mounted.</summary>
    public string Root { get; }

    /// <summary>The file that takes the space.</summary>
    public string Filler => Path.Combine(Root, "filler");

    /// <summary>Appends to <see cref="Filler"/> until the kernel refuses more (ENOSPC), then gives back <paramref name="leaveBytes"/>.</summary>
    public void Fill(int leaveBytes = 0)
    {
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write);
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

    /// <summary>Gives all the space back.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose() => Run("umount", Root);

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result);
    }
}
