namespace NewsIngest.Ingestion.Configuration;

/// <summary>Where the state lives (<c>NewsIngest:State</c>).</summary>
public sealed class StateOptions
{
    /// <summary>The SQLite state file. Default <c>data/state/newsingest.db</c>.</summary>
    public string Path { get; set; } = "data/state/newsingest.db";

    /// <summary>The run lock file. Default: the state path plus <c>.lock</c>.</summary>
    public string? LockPath { get; set; }

    /// <summary>The lock path to use: <see cref="LockPath"/>, else <see cref="Path"/> + <c>.lock</c>.</summary>
    public string EffectiveLockPath => string.IsNullOrWhiteSpace(LockPath) ? Path + ".lock" : LockPath;
}
