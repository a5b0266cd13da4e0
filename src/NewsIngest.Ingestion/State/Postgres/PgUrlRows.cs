using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>How a <see cref="UrlState"/> maps to a row of the PostgreSQL <c>urls</c> table, both ways.</summary>
internal static class PgUrlRows
{
    public const string Columns = UrlStateRows.Columns;

    /// <summary>Inserts or replaces every column of the row (SQLite's <c>INSERT OR REPLACE</c>).</summary>
    public const string UpsertSql = $"""
        INSERT INTO urls ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT (url) DO UPDATE SET canonical_url = EXCLUDED.canonical_url, etag = EXCLUDED.etag,
            last_modified = EXCLUDED.last_modified, content_hash = EXCLUDED.content_hash,
            last_fetched_at = EXCLUDED.last_fetched_at, last_status = EXCLUDED.last_status, attempts = EXCLUDED.attempts,
            version = EXCLUDED.version, source = EXCLUDED.source, record_id = EXCLUDED.record_id,
            last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at
        """;

    /// <summary>The parameters of <see cref="UpsertSql"/> for <paramref name="state"/>.</summary>
    public static NpgsqlParameter[] Parameters(UrlState state) =>
    [
        PgValues.Text(state.Url),
        PgValues.Text(state.CanonicalUrl),
        PgValues.Text(state.ETag),
        // last_modified is text: the validator as SQLite keeps it (round-trip form, offset and ticks exact).
        PgValues.Text(UrlStateRows.Format(state.LastModified)),
        PgValues.Text(state.ContentHash),
        PgValues.Stamp(state.LastFetchedAt),
        PgValues.Text(state.LastStatus),
        PgValues.Int(state.Attempts),
        PgValues.Int(state.Version),
        PgValues.Text(state.Source),
        PgValues.Text(state.RecordId),
        PgValues.Text(state.LastError),
        PgValues.Stamp(state.LastErrorAt),
    ];

    /// <summary>The state in the current row of a query selecting <see cref="Columns"/>.</summary>
    public static UrlState Read(NpgsqlDataReader reader) => new()
    {
        Url = reader.GetString(0),
        CanonicalUrl = PgValues.TextOrNull(reader, 1),
        ETag = PgValues.TextOrNull(reader, 2),
        LastModified = reader.IsDBNull(3) ? null : UrlStateRows.Parse(reader.GetString(3)),
        ContentHash = PgValues.TextOrNull(reader, 4),
        LastFetchedAt = PgValues.StampOrNull(reader, 5),
        LastStatus = PgValues.TextOrNull(reader, 6),
        Attempts = reader.GetInt32(7),
        Version = reader.GetInt32(8),
        Source = PgValues.TextOrNull(reader, 9),
        RecordId = PgValues.TextOrNull(reader, 10),
        LastError = PgValues.TextOrNull(reader, 11),
        LastErrorAt = PgValues.StampOrNull(reader, 12),
    };
}
