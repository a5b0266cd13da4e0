namespace NewsIngest.Ingestion.Configuration;

/// <summary>Where the crawl state lives (<c>NewsIngest:State:Provider</c>).</summary>
public enum StateProvider
{
    /// <summary>One SQLite file beside the output (<c>State:Path</c>): the embedded default, one worker at a time.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>State:ConnectionString</c>) that several workers share.</summary>
    Postgres,
}
