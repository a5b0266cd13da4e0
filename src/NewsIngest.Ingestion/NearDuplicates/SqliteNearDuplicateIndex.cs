using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// <see cref="INearDuplicateIndex"/> in the state file's <c>neardup_texts</c> and <c>neardup_bands</c> tables (created
/// by the state schema's migration), on a connection of its own. Its commits use <c>synchronous = NORMAL</c>: the
/// index is derived data, so a power cut may forget its last entries (those records then go unannotated as matches)
/// but never corrupts it, and no page waits for an fsync of its own.
/// </summary>
public sealed class SqliteNearDuplicateIndex : INearDuplicateIndex
{
    private const string Columns = "t.seq, t.record_id, t.site, t.cluster_of, t.words, t.text_key, t.added_at, t.shingles";

    private readonly SqliteConnection _connection;

    private SqliteNearDuplicateIndex(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens the index in the state file at <paramref name="path"/> (already migrated by the state store).</summary>
    public static async Task<SqliteNearDuplicateIndex> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return new SqliteNearDuplicateIndex(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<IndexedText>> FindAsync(
        long textKey, IReadOnlyList<long> bandKeys, string excludeRecordId, DateTimeOffset since, int limit,
        CancellationToken cancellationToken)
    {
        var found = new List<IndexedText>();
        await using (var exact = _connection.CreateCommand())
        {
            exact.CommandText = $"""
                SELECT {Columns} FROM neardup_texts t
                WHERE t.text_key = $key AND t.record_id <> $self AND t.added_at >= $since ORDER BY t.seq LIMIT 8;
                """;
            exact.Parameters.AddWithValue("$key", textKey);
            exact.Parameters.AddWithValue("$self", excludeRecordId);
            exact.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            await ReadAsync(exact, found, cancellationToken);
        }

        if (bandKeys.Count == 0 || limit <= 0)
        {
            return found;
        }

        await using var banded = _connection.CreateCommand();
        var names = string.Join(", ", bandKeys.Select((_, i) => $"$b{i}"));
        // The band rows alone pick the best-sharing entries; only those entries' shingles are read.
        banded.CommandText = $"""
            SELECT {Columns} FROM (
                SELECT seq, count(*) AS shared FROM neardup_bands WHERE band_key IN ({names})
                GROUP BY seq ORDER BY shared DESC, seq LIMIT $limit) c
            JOIN neardup_texts t ON t.seq = c.seq
            WHERE t.record_id <> $self AND t.added_at >= $since
            ORDER BY c.shared DESC, t.seq;
            """;
        for (var i = 0; i < bandKeys.Count; i++)
        {
            banded.Parameters.AddWithValue($"$b{i}", bandKeys[i]);
        }

        banded.Parameters.AddWithValue("$limit", limit + 1); // the record's own entry may be among them
        banded.Parameters.AddWithValue("$self", excludeRecordId);
        banded.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        var seen = found.Select(f => f.Sequence).ToHashSet();
        var more = new List<IndexedText>();
        await ReadAsync(banded, more, cancellationToken);
        found.AddRange(more.Where(m => seen.Add(m.Sequence)).Take(limit));
        return found;
    }

    public async Task AddAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        long seq;
        await using (var existing = Command(transaction, "SELECT seq, bands FROM neardup_texts WHERE record_id = $id;"))
        {
            existing.Parameters.AddWithValue("$id", text.RecordId);
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            seq = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
            var old = seq > 0 ? Longs((byte[])reader.GetValue(1)) : [];
            await reader.DisposeAsync();
            await DeleteBandsAsync(transaction, seq, old, cancellationToken);
        }

        await using (var upsert = Command(transaction, seq > 0
            ? """
              UPDATE neardup_texts SET site = $site, cluster_of = $cluster, words = $words, text_key = $key,
                  added_at = $at, shingles = $shingles, bands = $bands WHERE seq = $seq RETURNING seq;
              """
            : """
              INSERT INTO neardup_texts (record_id, site, cluster_of, words, text_key, added_at, shingles, bands)
              VALUES ($id, $site, $cluster, $words, $key, $at, $shingles, $bands) RETURNING seq;
              """))
        {
            upsert.Parameters.AddWithValue("$seq", seq);
            upsert.Parameters.AddWithValue("$id", text.RecordId);
            upsert.Parameters.AddWithValue("$site", text.Site);
            upsert.Parameters.AddWithValue("$cluster", text.ClusterOf);
            upsert.Parameters.AddWithValue("$words", text.Words);
            upsert.Parameters.AddWithValue("$key", text.TextKey);
            upsert.Parameters.AddWithValue("$at", text.AddedAt.ToUnixTimeMilliseconds());
            upsert.Parameters.AddWithValue("$shingles", MemoryMarshal.AsBytes(text.Shingles.AsSpan()).ToArray());
            upsert.Parameters.AddWithValue("$bands", MemoryMarshal.AsBytes(bandKeys.ToArray().AsSpan()).ToArray());
            seq = (long)(await upsert.ExecuteScalarAsync(cancellationToken))!;
        }

        await using (var band = Command(transaction, "INSERT OR IGNORE INTO neardup_bands (band_key, seq) VALUES ($key, $seq);"))
        {
            var key = band.Parameters.Add("$key", SqliteType.Integer);
            band.Parameters.AddWithValue("$seq", seq);
            foreach (var each in bandKeys)
            {
                key.Value = each;
                await band.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, int maxPerSite, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        var victims = new List<(long Seq, long[] Bands)>();
        await using (var select = Command(transaction, """
            SELECT seq, bands FROM neardup_texts WHERE added_at < $before
            UNION
            SELECT seq, bands FROM (
                SELECT seq, bands, row_number() OVER (PARTITION BY site ORDER BY seq DESC) AS newest FROM neardup_texts)
            WHERE newest > $max;
            """))
        {
            select.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            select.Parameters.AddWithValue("$max", maxPerSite);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                victims.Add((reader.GetInt64(0), Longs((byte[])reader.GetValue(1))));
            }
        }

        await using (var delete = Command(transaction, "DELETE FROM neardup_texts WHERE seq = $seq;"))
        {
            var seq = delete.Parameters.Add("$seq", SqliteType.Integer);
            foreach (var victim in victims)
            {
                await DeleteBandsAsync(transaction, victim.Seq, victim.Bands, cancellationToken);
                seq.Value = victim.Seq;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return victims.Count;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM neardup_texts;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task DeleteBandsAsync(SqliteTransaction transaction, long seq, long[] bands, CancellationToken cancellationToken)
    {
        if (bands.Length == 0)
        {
            return;
        }

        await using var delete = Command(transaction, "DELETE FROM neardup_bands WHERE band_key = $key AND seq = $seq;");
        var key = delete.Parameters.Add("$key", SqliteType.Integer);
        delete.Parameters.AddWithValue("$seq", seq);
        foreach (var band in bands)
        {
            key.Value = band;
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ReadAsync(SqliteCommand command, List<IndexedText> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new IndexedText(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5),
                MemoryMarshal.Cast<byte, uint>((byte[])reader.GetValue(7)).ToArray(),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
            { Sequence = reader.GetInt64(0) });
        }
    }

    private static long[] Longs(byte[] bytes) => MemoryMarshal.Cast<byte, long>(bytes).ToArray();
}
