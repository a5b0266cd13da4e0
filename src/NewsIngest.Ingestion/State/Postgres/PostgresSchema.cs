using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// Creates and upgrades the PostgreSQL state schema, in the connection's schema (its <c>search_path</c>), versioned in
/// the table <c>newsingest_schema</c>. Every worker migrates at start; one transaction holding a transaction-scoped
/// advisory lock per schema makes that safe when several start at once: the first applies each step, the others wait
/// for it and then find nothing to do. PostgreSQL's DDL is transactional, so a failed step leaves the schema as it was.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>
    /// The migrations in order: entry <c>i</c> brings a schema from version i to i + 1. A feature that needs tables of
    /// its own appends an entry; entries already released never change.
    /// </summary>
    private static readonly string[] Migrations = [StateTables];

    /// <summary>The schema this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>
    /// Version 1: what the SQLite state holds (<see cref="StateSchema"/>), in PostgreSQL's types: instants as
    /// <c>timestamptz</c>, blobs as <c>bytea</c>, sequences as identity columns.
    /// </summary>
    private const string StateTables = """
        CREATE TABLE urls (
            url             text PRIMARY KEY,
            canonical_url   text,
            etag            text,
            last_modified   text,
            content_hash    text,
            last_fetched_at timestamptz,
            last_status     text,
            attempts        integer NOT NULL DEFAULT 0,
            version         integer NOT NULL DEFAULT 0,
            source          text,
            record_id       text,
            last_error      text,
            last_error_at   timestamptz
        );
        CREATE INDEX urls_canonical ON urls (canonical_url);
        CREATE INDEX urls_record ON urls (record_id);
        CREATE INDEX urls_source ON urls (source);
        CREATE TABLE pending_writes (
            url          text PRIMARY KEY,
            record_id    text NOT NULL,
            version      integer NOT NULL,
            content_hash text NOT NULL,
            committed    text NOT NULL,
            began_at     timestamptz NOT NULL
        );
        CREATE TABLE archive (
            url         text PRIMARY KEY,
            source      text NOT NULL,
            path        text NOT NULL,
            final_url   text,
            charset     text,
            http_status integer,
            fetched_at  timestamptz NOT NULL
        );
        CREATE TABLE passes (
            id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            source             text NOT NULL,
            started_at         timestamptz NOT NULL,
            finished_at        timestamptz NOT NULL,
            pages              integer NOT NULL,
            fetched            integer NOT NULL,
            new                integer NOT NULL,
            changed            integer NOT NULL,
            unchanged          integer NOT NULL,
            not_modified       integer NOT NULL,
            failed             integer NOT NULL,
            robots_denied      integer NOT NULL,
            robots_unavailable integer NOT NULL,
            paywalled          integer NOT NULL,
            skipped            integer NOT NULL,
            deferred           integer NOT NULL DEFAULT 0,
            problems           text NOT NULL,
            interrupted        boolean NOT NULL
        );
        CREATE INDEX passes_source ON passes (source, id);
        CREATE TABLE hosts (
            host            text PRIMARY KEY,
            last_request_at timestamptz,
            crawl_delay_ms  integer,
            cooldown_until  timestamptz,
            failure_streak  integer NOT NULL DEFAULT 0,
            updated_at      timestamptz NOT NULL
        );
        CREATE TABLE robots (
            origin          text PRIMARY KEY,
            text            text,
            disallow_all    boolean NOT NULL DEFAULT false,
            expires_at      timestamptz NOT NULL,
            denied_outcome  text NOT NULL,
            reason          text
        );
        CREATE TABLE neardup_texts (
            seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            record_id  text NOT NULL UNIQUE,
            site       text NOT NULL,
            cluster_of text NOT NULL,
            words      integer NOT NULL,
            text_key   bigint NOT NULL,
            added_at   bigint NOT NULL,
            shingles   bytea NOT NULL,
            bands      bytea NOT NULL
        );
        CREATE INDEX neardup_texts_key ON neardup_texts (text_key);
        CREATE INDEX neardup_texts_site ON neardup_texts (site, seq);
        CREATE INDEX neardup_texts_added ON neardup_texts (added_at);
        CREATE TABLE neardup_bands (
            band_key bigint NOT NULL,
            seq      bigint NOT NULL,
            PRIMARY KEY (band_key, seq)
        );
        CREATE TABLE site_template_pages (
            site        text NOT NULL,
            page_key    text NOT NULL,
            content_key text NOT NULL,
            blocks      bytea NOT NULL,
            seq         bigint NOT NULL,
            PRIMARY KEY (site, page_key)
        );
        CREATE INDEX site_template_pages_seq ON site_template_pages (site, seq);
        """;

    /// <summary>Brings the connection's schema to <see cref="CurrentVersion"/>; refuses a schema from a newer build.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """
            SELECT pg_advisory_xact_lock(hashtext('newsingest schema ' || current_schema()));
            CREATE TABLE IF NOT EXISTS newsingest_schema (
                version    integer PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken);
        await using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM newsingest_schema;", connection, transaction))
        {
            var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (version > CurrentVersion)
            {
                throw new InvalidDataException(
                    $"the PostgreSQL state (schema {connection.Database}.{await CurrentSchemaAsync(connection, transaction, cancellationToken)}) has version {version}, newer than this build's {CurrentVersion}; use a newer newsingest");
            }

            for (var next = version; next < Migrations.Length; next++)
            {
                await ExecuteAsync(connection, transaction, Migrations[next], cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO newsingest_schema (version) VALUES ({next + 1});", cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> CurrentSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_schema();", connection, transaction);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
