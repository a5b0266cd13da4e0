using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>Creates and upgrades the state schema, versioned with SQLite's <c>user_version</c>.</summary>
internal static class StateSchema
{
    /// <summary>
    /// The migrations in order: entry <c>i</c> brings a file from <c>user_version</c> i to i + 1, in one transaction.
    /// A feature that needs tables of its own appends an entry; entries already released never change.
    /// </summary>
    private static readonly string[] Migrations = [Version1, Version2, NearDuplicateIndex, HostStateTables, SiteTemplatePages];

    /// <summary>The schema this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS urls (
            url             TEXT PRIMARY KEY,
            canonical_url   TEXT,
            etag            TEXT,
            last_modified   TEXT,
            content_hash    TEXT,
            last_fetched_at TEXT,
            last_status     TEXT,
            attempts        INTEGER NOT NULL DEFAULT 0,
            version         INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS urls_canonical ON urls (canonical_url);
        CREATE TABLE IF NOT EXISTS pending_writes (
            url          TEXT PRIMARY KEY,
            record_id    TEXT NOT NULL,
            version      INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            committed    TEXT NOT NULL,
            began_at     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS archive (
            url         TEXT PRIMARY KEY,
            source      TEXT NOT NULL,
            path        TEXT NOT NULL,
            final_url   TEXT,
            charset     TEXT,
            http_status INTEGER,
            fetched_at  TEXT NOT NULL
        );
        """;

    /// <summary>
    /// Version 2, for the inspection commands (<c>status</c>, <c>show</c>, <c>failures</c>): each URL's source, record
    /// id and last failure with its reason; one row per source per pass with its outcome counts.
    /// </summary>
    private const string Version2 = """
        ALTER TABLE urls ADD COLUMN source TEXT;
        ALTER TABLE urls ADD COLUMN record_id TEXT;
        ALTER TABLE urls ADD COLUMN last_error TEXT;
        ALTER TABLE urls ADD COLUMN last_error_at TEXT;
        CREATE INDEX IF NOT EXISTS urls_record ON urls (record_id);
        CREATE INDEX IF NOT EXISTS urls_source ON urls (source);
        CREATE TABLE IF NOT EXISTS passes (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            source             TEXT NOT NULL,
            started_at         TEXT NOT NULL,
            finished_at        TEXT NOT NULL,
            pages              INTEGER NOT NULL,
            fetched            INTEGER NOT NULL,
            new                INTEGER NOT NULL,
            changed            INTEGER NOT NULL,
            unchanged          INTEGER NOT NULL,
            not_modified       INTEGER NOT NULL,
            failed             INTEGER NOT NULL,
            robots_denied      INTEGER NOT NULL,
            robots_unavailable INTEGER NOT NULL,
            paywalled          INTEGER NOT NULL,
            skipped            INTEGER NOT NULL,
            problems           TEXT NOT NULL,
            interrupted        INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS passes_source ON passes (source, id);
        """;

    /// <summary>
    /// The near-duplicate index (<c>NearDuplicates/</c>): per record its site, cluster, word count, exact text key,
    /// sorted 32-bit shingle hashes and band keys (both little-endian blobs); one row per (band key, record) to find
    /// candidates; <c>added_at</c> in Unix milliseconds. <c>seq</c> orders records by when they were first indexed, so a cluster's earliest is its lowest.
    /// </summary>
    private const string NearDuplicateIndex = """
        CREATE TABLE IF NOT EXISTS neardup_texts (
            seq        INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id  TEXT NOT NULL UNIQUE,
            site       TEXT NOT NULL,
            cluster_of TEXT NOT NULL,
            words      INTEGER NOT NULL,
            text_key   INTEGER NOT NULL,
            added_at   INTEGER NOT NULL,
            shingles   BLOB NOT NULL,
            bands      BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS neardup_texts_key ON neardup_texts (text_key);
        CREATE INDEX IF NOT EXISTS neardup_texts_site ON neardup_texts (site, seq);
        CREATE INDEX IF NOT EXISTS neardup_texts_added ON neardup_texts (added_at);
        CREATE TABLE IF NOT EXISTS neardup_bands (
            band_key INTEGER NOT NULL,
            seq      INTEGER NOT NULL,
            PRIMARY KEY (band_key, seq)
        ) WITHOUT ROWID;
        """;

    /// <summary>
    /// Host state that outlives the process (issue 10): per host its last request end, Crawl-delay, cooldown and
    /// failure streak; per origin its robots.txt verdict; and per pass the pages deferred to the next one.
    /// </summary>
    private const string HostStateTables = """
        CREATE TABLE IF NOT EXISTS hosts (
            host            TEXT PRIMARY KEY,
            last_request_at TEXT,
            crawl_delay_ms  INTEGER,
            cooldown_until  TEXT,
            failure_streak  INTEGER NOT NULL DEFAULT 0,
            updated_at      TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS robots (
            origin          TEXT PRIMARY KEY,
            text            TEXT,
            disallow_all    INTEGER NOT NULL DEFAULT 0,
            expires_at      TEXT NOT NULL,
            denied_outcome  TEXT NOT NULL,
            reason          TEXT
        );
        ALTER TABLE passes ADD COLUMN deferred INTEGER NOT NULL DEFAULT 0;
        """;

    /// <summary>
    /// Site templates (<see cref="ISiteTemplateStore"/>): each site's window of recent distinct pages,
    /// one row per page (its block fingerprints as little-endian 64-bit values), in arrival order by <c>seq</c>.
    /// </summary>
    private const string SiteTemplatePages = """
        CREATE TABLE IF NOT EXISTS site_template_pages (
            site        TEXT NOT NULL,
            page_key    TEXT NOT NULL,
            content_key TEXT NOT NULL,
            blocks      BLOB NOT NULL,
            seq         INTEGER NOT NULL,
            PRIMARY KEY (site, page_key)
        );
        CREATE INDEX IF NOT EXISTS site_template_pages_seq ON site_template_pages (site, seq);
        """;

    /// <summary>Brings the file to <see cref="CurrentVersion"/>; refuses a file from a newer build.</summary>
    public static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            // WAL: readers never block the writer and a crash never corrupts the file; FULL: a commit is on disk
            // before the record that depends on it is appended.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        var version = await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken);
        if (version > CurrentVersion)
        {
            throw new InvalidDataException(
                $"state file '{path}' has schema {version}, newer than this build's {CurrentVersion}; use a newer newsingest");
        }

        for (var next = (int)version; next < Migrations.Length; next++)
        {
            // BEGIN IMMEDIATE (deferred: false) takes the write lock first, so two processes opening an old file at once
            // apply each step once: the second waits, then sees the new user_version and skips it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "PRAGMA user_version;";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > next)
            {
                continue;
            }

            await using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations[next] + $"PRAGMA user_version = {next + 1};";
            await step.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
