using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// Reads the pid out of a lock file another process holds. .NET's own file APIs take a shared flock on open, which
/// the holder's exclusive flock refuses, so on Unix the file is read with plain open/read calls.
/// </summary>
internal static class LockHolder
{
    private const int ReadOnly = 0;

    public static int? ReadPid(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var fd = Open(path, ReadOnly);
            if (fd < 0)
            {
                return null;
            }

            try
            {
                var buffer = new byte[32];
                var count = Read(fd, buffer, buffer.Length);
                return count > 0 && int.TryParse(Encoding.ASCII.GetString(buffer, 0, (int)count).Trim(),
                    NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
            }
            finally
            {
                _ = Close(fd);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint Read(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
