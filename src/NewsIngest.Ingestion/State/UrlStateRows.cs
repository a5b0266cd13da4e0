using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>How a <see cref="UrlState"/> maps to a row of the <c>urls</c> table, both ways.</summary>
internal static class UrlStateRows
{
    public const string Columns =
        "url, canonical_url, etag, last_modified, content_hash, last_fetched_at, last_status, attempts, version, "
        + "source, record_id, last_error, last_error_at";

    public const string UpsertSql = $"""
        INSERT OR REPLACE INTO urls ({Columns})
        VALUES ($url, $canonical, $etag, $modified, $hash, $fetched, $status, $attempts, $version,
                $source, $record, $error, $errorAt);
        """;

    /// <summary>Sets the parameters of <see cref="UpsertSql"/> to <paramref name="state"/> (added on the first bind, reused after).</summary>
    public static void Bind(SqliteCommand command, UrlState state)
    {
        Set(command, "$url", state.Url);
        Set(command, "$canonical", state.CanonicalUrl);
        Set(command, "$etag", state.ETag);
        Set(command, "$modified", Format(state.LastModified));
        Set(command, "$hash", state.ContentHash);
        Set(command, "$fetched", Format(state.LastFetchedAt));
        Set(command, "$status", state.LastStatus);
        Set(command, "$attempts", state.Attempts);
        Set(command, "$version", state.Version);
        Set(command, "$source", state.Source);
        Set(command, "$record", state.RecordId);
        Set(command, "$error", state.LastError);
        Set(command, "$errorAt", Format(state.LastErrorAt));
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        PreparedCommands.Parameter(command, name).Value = value ?? DBNull.Value;

    /// <summary>The state in the current row of a query selecting <see cref="Columns"/>.</summary>
    public static UrlState Read(SqliteDataReader reader) => new()
    {
        Url = reader.GetString(0),
        CanonicalUrl = reader.IsDBNull(1) ? null : reader.GetString(1),
        ETag = reader.IsDBNull(2) ? null : reader.GetString(2),
        LastModified = reader.IsDBNull(3) ? null : Parse(reader.GetString(3)),
        ContentHash = reader.IsDBNull(4) ? null : reader.GetString(4),
        LastFetchedAt = reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
        LastStatus = reader.IsDBNull(6) ? null : reader.GetString(6),
        Attempts = reader.GetInt32(7),
        Version = reader.GetInt32(8),
        Source = reader.IsDBNull(9) ? null : reader.GetString(9),
        RecordId = reader.IsDBNull(10) ? null : reader.GetString(10),
        LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
        LastErrorAt = reader.IsDBNull(12) ? null : Parse(reader.GetString(12)),
    };

    public static string? Format(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
