namespace NewsIngest.Cli;

/// <summary>The process exit codes, documented in README.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done; pages deferred to the next pass while their host cools down count as done.</summary>
    public const int Ok = 0;

    /// <summary>The run finished, but some pages failed, a source or feed could not be read at all, or a line of the
    /// output that is not a record was moved aside at start (each reported).</summary>
    public const int SomeFailed = 1;

    /// <summary>Usage, configuration or input error: nothing was done.</summary>
    public const int UsageOrInput = 2;

    /// <summary>Another run holds the lock.</summary>
    public const int Locked = 3;

    /// <summary>An evaluation scored below its floor.</summary>
    public const int BelowFloor = 4;

    /// <summary>
    /// <c>status</c>, <c>show</c>, <c>failures</c>: there is no state file yet (no pass has run), or the URL or id
    /// given to <c>show</c> is not in it.
    /// </summary>
    public const int NotFound = 5;

    /// <summary>
    /// The output or state cannot be written (a full disk, an I/O error): the run stopped, nothing was lost; or, for
    /// <c>check</c>, the PostgreSQL state cannot be reached or refuses the login.
    /// </summary>
    public const int StorageUnavailable = 6;

    /// <summary>Interrupted (Ctrl-C or SIGTERM) before the work was done.</summary>
    public const int Interrupted = 130;

    /// <summary>Every code with its meaning, as <c>--help</c> lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Ok, "everything asked for was done (pages deferred while their host cools down, and discovery warnings such as a bad feed item, included)"),
        (SomeFailed, "done, but some pages failed, a source or feed could not be read at all, or a line of the output was not a record (moved aside) (each reported)"),
        (UsageOrInput, "usage, configuration or input error: nothing was done"),
        (Locked, "another run holds the lock"),
        (BelowFloor, "eval scored below its floor"),
        (NotFound, "status, show, failures: no state yet, or show's URL or id is not in it"),
        (StorageUnavailable, "the output or state cannot be written (disk full, I/O error): stopped, nothing lost; check: the PostgreSQL state cannot be reached"),
        (Interrupted, "interrupted (Ctrl-C, SIGTERM) with work left undone; the next run goes on from there"),
    ];
}
