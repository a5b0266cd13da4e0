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

    /// <summary>How long a host lease (and a worker's registration) lasts without renewal. Default 30 s.</summary>
    public TimeSpan LeaseTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases and the registration are renewed; at most a third of <see cref="LeaseTtl"/>. Default: a third of it.</summary>
    public TimeSpan? RenewPeriod { get; set; }

    /// <summary>The renewal period to use: <see cref="RenewPeriod"/>, else a third of <see cref="LeaseTtl"/>.</summary>
    public TimeSpan EffectiveRenewPeriod => RenewPeriod ?? LeaseTtl / 3;

    /// <summary>Hosts claimed in one transaction when the worker has room for more. Default 16.</summary>
    public int ClaimBatch { get; set; } = 16;

    /// <summary>Most hosts one worker holds at once. Default 64.</summary>
    public int MaxLeases { get; set; } = 64;

    /// <summary>Pages a worker fetches from one host under one lease before it lets the host go (fairness). Default 50.</summary>
    public int MaxPagesPerLease { get; set; } = 50;

    /// <summary>Longest a worker holds one host's lease before it lets the host go (fairness). Default 5 min.</summary>
    public TimeSpan MaxLeaseTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a worker with nothing to take looks at the shared frontier again. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

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
