using System.Text.RegularExpressions;

namespace NewsIngest.Ingestion.Configuration;

/// <summary>
/// This process as one of several workers sharing a PostgreSQL state (<c>NewsIngest:Worker</c>). With the SQLite
/// provider there is one worker and these settings are not used.
/// </summary>
public sealed partial class WorkerOptions
{
    /// <summary>
    /// The worker's name: in its output file names, its leases and <c>status</c>. Letters, digits, <c>.</c>, <c>_</c>
    /// and <c>-</c>, at most 64. Default: the host name and the process id.
    /// </summary>
    public string? Id { get; set; }

    /// <summary>How long a host lease lasts without renewal (renewed at a third of it). Default 30 s.</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The id to use: <see cref="Id"/>, else the host name and process id (made safe for a file name).</summary>
    public string EffectiveId => string.IsNullOrWhiteSpace(Id) ? DefaultId() : Id;

    /// <summary>True when <paramref name="id"/> may name a worker (it becomes part of file names).</summary>
    public static bool IsValidId(string id) => ValidId().IsMatch(id);

    private static string DefaultId()
    {
        var host = UnsafeChars().Replace(Environment.MachineName, "-").Trim('-');
        var name = $"{(host.Length == 0 ? "worker" : host)}-{Environment.ProcessId}";
        return name.Length <= 64 ? name : name[^64..];
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidId();

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeChars();
}
