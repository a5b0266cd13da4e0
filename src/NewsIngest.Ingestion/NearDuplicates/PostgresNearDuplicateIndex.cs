using System.Runtime.InteropServices;
using NewsIngest.Ingestion.State.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// <see cref="INearDuplicateIndex"/> in the PostgreSQL state's <c>neardup_texts</c> and <c>neardup_bands</c> tables,
/// as <see cref="SqliteNearDuplicateIndex"/> keeps them (same columns, same little-endian blobs), so several workers
/// share one index. New entries are held and written in groups like SQLite's (one transaction, one round trip per
/// group), but each takes its number from the table's sequence when added: another worker's entries may be written
/// between, so what <see cref="FindAsync"/> returns is ordered by number across table and held entries alike.
/// </summary>
public sealed class PostgresNearDuplicateIndex : INearDuplicateIndex
{
    private const string Columns = "t.seq, t.record_id, t.site, t.cluster_of, t.words, t.text_key, t.added_at, t.shingles";

    private const int ExactLimit = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly List<Held> _held = [];

    private PostgresNearDuplicateIndex(NpgsqlDataSource dataSource, int flushEvery)
    {
        _dataSource = dataSource;
        FlushEvery = flushEvery;
    }

    /// <summary>New entries are written once this many are held (1: each at once).</summary>
    public int FlushEvery { get; }

    /// <summary>The index in <paramref name="database"/> (already migrated).</summary>
    public static Task<PostgresNearDuplicateIndex> OpenAsync(
        PostgresDatabase database, CancellationToken cancellationToken, int flushEvery = SqliteNearDuplicateIndex.DefaultFlushEvery)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new PostgresNearDuplicateIndex(database.DataSource, flushEvery));
    }

    public async Task<IReadOnlyList<IndexedText>> FindAsync(
        long textKey, IReadOnlyList<long> bandKeys, string excludeRecordId, DateTimeOffset since, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bandKeys);
        var sinceMs = since.ToUnixTimeMilliseconds();
        var exact = new List<IndexedText>();
        await using (var command = _dataSource.CreateCommand($"""
            SELECT {Columns} FROM neardup_texts t
            WHERE t.text_key = $1 AND t.record_id <> $2 AND t.added_at >= $3 ORDER BY t.seq LIMIT {ExactLimit}
            """))
        {
            PgValues.AddAll(command.Parameters, [PgValues.Long(textKey), PgValues.Text(excludeRecordId), PgValues.Long(sinceMs)]);
            await ReadAsync(command, exact, null, cancellationToken);
        }

        exact.AddRange(_held.Select(h => h.Text).Where(t => t.TextKey == textKey && Eligible(t, excludeRecordId, sinceMs)));
        var found = exact.OrderBy(t => t.Sequence).Take(ExactLimit).ToList();
        if (bandKeys.Count == 0 || limit <= 0)
        {
            return found;
        }

        // As SQLite's: the band rows pick the best-sharing entries (one more than asked: the record's own may be
        // among them), the filter comes after the pick.
        var picked = new List<IndexedText>();
        var shares = new List<long>();
        await using (var command = _dataSource.CreateCommand($"""
            SELECT {Columns}, c.shared FROM (
                SELECT seq, count(*) AS shared FROM neardup_bands WHERE band_key = ANY($1)
                GROUP BY seq ORDER BY shared DESC, seq LIMIT $2) c
            JOIN neardup_texts t ON t.seq = c.seq
            ORDER BY c.shared DESC, t.seq
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = bandKeys.ToArray() });
            command.Parameters.Add(PgValues.Int(limit + 1));
            await ReadAsync(command, picked, shares, cancellationToken);
        }

        var ranked = picked.Select((text, i) => (Shared: shares[i], Text: text)).ToList();
        if (_held.Count > 0)
        {
            var keys = bandKeys.ToHashSet();
            foreach (var held in _held)
            {
                var shared = held.Bands.Count(keys.Contains);
                if (shared > 0)
                {
                    ranked.Add((shared, held.Text));
                }
            }
        }

        var seen = found.Select(f => f.Sequence).ToHashSet();
        found.AddRange(ranked
            .OrderByDescending(r => r.Shared).ThenBy(r => r.Text.Sequence)
            .Take(limit + 1)
            .Select(r => r.Text)
            .Where(t => Eligible(t, excludeRecordId, sinceMs) && seen.Add(t.Sequence))
            .Take(limit));
        return found;
    }

    public async Task AddAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bandKeys);
        long? existing = null;
        if (!_held.Exists(h => h.Text.RecordId == text.RecordId))
        {
            await using var command = _dataSource.CreateCommand("SELECT seq FROM neardup_texts WHERE record_id = $1");
            command.Parameters.Add(PgValues.Text(text.RecordId));
            existing = await command.ExecuteScalarAsync(cancellationToken) as long?;
        }

        if (existing is not null || _held.Exists(h => h.Text.RecordId == text.RecordId))
        {
            // A replacement keeps the entry's place: written now, with what is held before it.
            await FlushAsync(cancellationToken);
            await ReplaceAsync(text, bandKeys, cancellationToken);
            return;
        }

        long sequence;
        await using (var next = _dataSource.CreateCommand("SELECT nextval(pg_get_serial_sequence('neardup_texts', 'seq'))"))
        {
            sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        }

        // As the table gives it back: added_at in whole milliseconds.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(text.AddedAt.ToUnixTimeMilliseconds());
        _held.Add(new Held(text with { AddedAt = at, Sequence = sequence }, [.. bandKeys.Distinct()], [.. bandKeys]));
        if (_held.Count >= FlushEvery)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes the held entries in one transaction, one round trip (nothing to do when none is held). An entry whose
    /// record another worker wrote meanwhile is dropped: the first entry of a record stays, as a replacement would keep its place.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_held.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var held in _held)
        {
            var text = held.Text;
            batch.BatchCommands.Add(PgValues.BatchCommand(
                """
                INSERT INTO neardup_texts (seq, record_id, site, cluster_of, words, text_key, added_at, shingles, bands)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                ON CONFLICT (record_id) DO NOTHING
                """,
                PgValues.Long(text.Sequence), PgValues.Text(text.RecordId), PgValues.Text(text.Site), PgValues.Text(text.ClusterOf),
                PgValues.Int(text.Words), PgValues.Long(text.TextKey), PgValues.Long(text.AddedAt.ToUnixTimeMilliseconds()),
                PgValues.Bytes(MemoryMarshal.AsBytes(text.Shingles.AsSpan()).ToArray()),
                PgValues.Bytes(MemoryMarshal.AsBytes(held.Stored.AsSpan()).ToArray())));
            batch.BatchCommands.Add(InsertBands(text.Sequence, held.Stored, onlyIfWritten: true));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _held.Clear();
    }

    public async Task<int> PruneAsync(DateTimeOffset before, int maxPerSite, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seqs = new List<long>();
        var bandSeqs = new List<long>();
        var bandKeys = new List<long>();
        await using (var select = new NpgsqlCommand("""
            SELECT seq, bands FROM neardup_texts WHERE added_at < $1
            UNION
            SELECT seq, bands FROM (
                SELECT seq, bands, row_number() OVER (PARTITION BY site ORDER BY seq DESC) AS newest FROM neardup_texts) r
            WHERE newest > $2
            """, connection, transaction))
        {
            PgValues.AddAll(select.Parameters, [PgValues.Long(before.ToUnixTimeMilliseconds()), PgValues.Int(maxPerSite)]);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                seqs.Add(seq);
                foreach (var key in MemoryMarshal.Cast<byte, long>(reader.GetFieldValue<byte[]>(1)))
                {
                    bandSeqs.Add(seq);
                    bandKeys.Add(key);
                }
            }
        }

        await using (var delete = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                PgValues.BatchCommand(
                    "DELETE FROM neardup_bands WHERE (band_key, seq) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))",
                    new NpgsqlParameter { Value = bandKeys.ToArray() }, new NpgsqlParameter { Value = bandSeqs.ToArray() }),
                PgValues.BatchCommand("DELETE FROM neardup_texts WHERE seq = ANY($1)", new NpgsqlParameter { Value = seqs.ToArray() }),
            },
        })
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return seqs.Count;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM neardup_texts");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! + _held.Count;
    }

    /// <summary>Writes what is held; the connections are the database's (closed by its owner).</summary>
    public async ValueTask DisposeAsync() => await FlushAsync(CancellationToken.None);

    private static bool Eligible(IndexedText text, string excludeRecordId, long sinceMs) =>
        text.RecordId != excludeRecordId && text.AddedAt.ToUnixTimeMilliseconds() >= sinceMs;

    /// <summary>
    /// The band rows of entry <paramref name="seq"/>; <paramref name="onlyIfWritten"/>: only when its text row was
    /// written, for a held entry whose record another worker indexed first (its entry stays, this one is dropped).
    /// </summary>
    private static NpgsqlBatchCommand InsertBands(long seq, long[] keys, bool onlyIfWritten = false) => PgValues.BatchCommand(
        "INSERT INTO neardup_bands (band_key, seq) SELECT DISTINCT k, $2 FROM unnest($1::bigint[]) AS k"
        + (onlyIfWritten ? " WHERE EXISTS (SELECT 1 FROM neardup_texts WHERE seq = $2)" : "") + " ON CONFLICT DO NOTHING",
        new NpgsqlParameter { Value = keys }, PgValues.Long(seq));

    private async Task ReplaceAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long seq;
        long[] old;
        await using (var existing = new NpgsqlCommand("SELECT seq, bands FROM neardup_texts WHERE record_id = $1 FOR UPDATE", connection, transaction))
        {
            existing.Parameters.Add(PgValues.Text(text.RecordId));
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                // Pruned by another worker since: nothing to keep the place of.
                return;
            }

            seq = reader.GetInt64(0);
            old = MemoryMarshal.Cast<byte, long>(reader.GetFieldValue<byte[]>(1)).ToArray();
        }

        var keys = bandKeys.ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                PgValues.BatchCommand(
                    "DELETE FROM neardup_bands WHERE seq = $2 AND band_key = ANY($1)", new NpgsqlParameter { Value = old }, PgValues.Long(seq)),
                PgValues.BatchCommand(
                    """
                    UPDATE neardup_texts SET site = $2, cluster_of = $3, words = $4, text_key = $5, added_at = $6, shingles = $7, bands = $8
                    WHERE seq = $1
                    """,
                    PgValues.Long(seq), PgValues.Text(text.Site), PgValues.Text(text.ClusterOf), PgValues.Int(text.Words),
                    PgValues.Long(text.TextKey), PgValues.Long(text.AddedAt.ToUnixTimeMilliseconds()),
                    PgValues.Bytes(MemoryMarshal.AsBytes(text.Shingles.AsSpan()).ToArray()),
                    PgValues.Bytes(MemoryMarshal.AsBytes(keys.AsSpan()).ToArray())),
                InsertBands(seq, keys),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ReadAsync(NpgsqlCommand command, List<IndexedText> into, List<long>? shared, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new IndexedText(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5),
                MemoryMarshal.Cast<byte, uint>(reader.GetFieldValue<byte[]>(7)).ToArray(),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
            { Sequence = reader.GetInt64(0) });
            shared?.Add(reader.GetInt64(8));
        }
    }

    /// <summary>An entry not written yet: its band keys as stored (<see cref="Stored"/>) and distinct (<see cref="Bands"/>).</summary>
    private sealed record Held(IndexedText Text, long[] Bands, long[] Stored);
}
