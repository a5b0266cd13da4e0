namespace NewsIngest.Ingestion.Configuration;

/// <summary>Where the state lives (<c>NewsIngest:State</c>).</summary>
public sealed class StateOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StateProvider Provider { get; set; } = StateProvider.Sqlite;

    /// <summary>
    /// The PostgreSQL connection string (Npgsql's form, e.g. <c>Host=db;Database=newsingest;Username=ingest</c>), required
    /// when <see cref="Provider"/> is <c>Postgres</c>. A password is better given by <c>PGPASSWORD</c> or a
    /// <c>.pgpass</c> file than written here.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite state file. Default <c>data/state/newsingest.db</c>.</summary>
    public string Path { get; set; } = "data/state/newsingest.db";

    /// <summary>The run lock file. Default: the state path plus <c>.lock</c>.</summary>
    public string? LockPath { get; set; }

    /// <summary>The lock path to use: <see cref="LockPath"/>, else <see cref="Path"/> + <c>.lock</c>.</summary>
    public string EffectiveLockPath => string.IsNullOrWhiteSpace(LockPath) ? Path + ".lock" : LockPath;
}
