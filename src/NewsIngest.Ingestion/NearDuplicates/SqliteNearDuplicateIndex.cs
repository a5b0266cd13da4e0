using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// <see cref="INearDuplicateIndex"/> in the state file's <c>neardup_texts</c> and <c>neardup_bands</c> tables (created
/// by the state schema's migration), on a connection of its own, its statements prepared once. New entries are written
/// in groups: an entry is held in memory (where <see cref="FindAsync"/> finds it exactly as it would in the tables,
/// numbered as the table would number it) until <see cref="FlushAsync"/>, until <see cref="FlushEvery"/> are held, or
/// until a prune, a replacement or disposal. One transaction per group instead of one per record: every record's 20 band
/// rows land on random pages of the band index, and each commit writes every page it touched to the WAL again.
/// Commits use <c>synchronous = NORMAL</c>: the index is derived data, so a power cut may forget its last entries (those
/// records then go unannotated as matches) but never corrupts it, and no page waits for an fsync of its own.
/// </summary>
public sealed class SqliteNearDuplicateIndex : INearDuplicateIndex
{
    /// <summary>The default of <see cref="FlushEvery"/>.</summary>
    public const int DefaultFlushEvery = 64;

    private const string Columns = "t.seq, t.record_id, t.site, t.cluster_of, t.words, t.text_key, t.added_at, t.shingles";

    private readonly SqliteConnection _connection;
    private readonly List<Held> _held = [];
    private readonly Dictionary<int, SqliteCommand> _banded = [];
    private readonly SqliteCommand _exact;
    private readonly SqliteCommand _existing;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _band;
    private long _nextSequence;

    private SqliteNearDuplicateIndex(SqliteConnection connection, long nextSequence, int flushEvery)
    {
        _connection = connection;
        _nextSequence = nextSequence;
        FlushEvery = flushEvery;
        _exact = Prepare($"""
            SELECT {Columns} FROM neardup_texts t
            WHERE t.text_key = $key AND t.record_id <> $self AND t.added_at >= $since ORDER BY t.seq LIMIT 8;
            """, "$key", "$self", "$since");
        _existing = Prepare("SELECT seq FROM neardup_texts WHERE record_id = $id;", "$id");
        _insert = Prepare("""
            INSERT INTO neardup_texts (seq, record_id, site, cluster_of, words, text_key, added_at, shingles, bands)
            VALUES ($seq, $id, $site, $cluster, $words, $key, $at, $shingles, $bands);
            """, "$seq", "$id", "$site", "$cluster", "$words", "$key", "$at", "$shingles", "$bands");
        _band = Prepare("INSERT OR IGNORE INTO neardup_bands (band_key, seq) VALUES ($key, $seq);", "$key", "$seq");
    }

    /// <summary>New entries are written once this many are held (1: each at once).</summary>
    public int FlushEvery { get; }

    /// <summary>Opens the index in the state file at <paramref name="path"/> (already migrated by the state store).</summary>
    public static async Task<SqliteNearDuplicateIndex> OpenAsync(
        string path, CancellationToken cancellationToken, int flushEvery = DefaultFlushEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            // The number AUTOINCREMENT would give the next row: held entries are numbered with it, then written with it.
            pragma.CommandText = """
                SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'neardup_texts'), 0),
                           coalesce((SELECT max(seq) FROM neardup_texts), 0)) + 1;
                """;
            var next = (long)(await pragma.ExecuteScalarAsync(cancellationToken))!;
            return new SqliteNearDuplicateIndex(connection, next, flushEvery);
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
        ArgumentNullException.ThrowIfNull(bandKeys);
        var sinceMs = since.ToUnixTimeMilliseconds();
        var found = new List<IndexedText>();
        _exact.Parameters[0].Value = textKey;
        _exact.Parameters[1].Value = excludeRecordId;
        _exact.Parameters[2].Value = sinceMs;
        await ReadAsync(_exact, found, shared: null, cancellationToken);
        // Held entries come after every written one (higher numbers): the table's order, continued.
        foreach (var held in _held)
        {
            if (found.Count >= 8)
            {
                break;
            }

            if (held.Text.TextKey == textKey && Eligible(held.Text, excludeRecordId, sinceMs))
            {
                found.Add(held.Text);
            }
        }

        if (bandKeys.Count == 0 || limit <= 0)
        {
            return found;
        }

        // The band rows alone pick the best-sharing entries; only those entries' shingles are read. The record's own
        // entry may be among them, so one more is taken, and the filter comes after the pick, as one query over
        // table and held entries would do it.
        var banded = Banded(bandKeys.Count);
        for (var i = 0; i < bandKeys.Count; i++)
        {
            banded.Parameters[i].Value = bandKeys[i];
        }

        banded.Parameters[bandKeys.Count].Value = limit + 1;
        var picked = new List<IndexedText>();
        var shares = new List<long>();
        await ReadAsync(banded, picked, shares, cancellationToken);
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
        _existing.Parameters[0].Value = text.RecordId;
        if (_held.Exists(h => h.Text.RecordId == text.RecordId) || await _existing.ExecuteScalarAsync(cancellationToken) is long)
        {
            // A replacement keeps the entry's place: written now, with what is held before it.
            await FlushAsync(cancellationToken);
            await ReplaceAsync(text, bandKeys, cancellationToken);
            return;
        }

        // As the table gives it back: added_at in whole milliseconds, numbered in order.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(text.AddedAt.ToUnixTimeMilliseconds());
        _held.Add(new Held(text with { AddedAt = at, Sequence = _nextSequence++ }, [.. bandKeys.Distinct()], [.. bandKeys]));
        if (_held.Count >= FlushEvery)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the held entries in one transaction (nothing to do when none is held).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_held.Count == 0)
        {
            return;
        }

        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
        _insert.Transaction = transaction;
        _band.Transaction = transaction;
        try
        {
            foreach (var held in _held)
            {
                var text = held.Text;
                var p = _insert.Parameters;
                p[0].Value = text.Sequence;
                p[1].Value = text.RecordId;
                p[2].Value = text.Site;
                p[3].Value = text.ClusterOf;
                p[4].Value = text.Words;
                p[5].Value = text.TextKey;
                p[6].Value = text.AddedAt.ToUnixTimeMilliseconds();
                p[7].Value = MemoryMarshal.AsBytes(text.Shingles.AsSpan()).ToArray();
                p[8].Value = MemoryMarshal.AsBytes(held.Stored.AsSpan()).ToArray();
                await _insert.ExecuteNonQueryAsync(cancellationToken);
                _band.Parameters[1].Value = text.Sequence;
                foreach (var key in held.Stored)
                {
                    _band.Parameters[0].Value = key;
                    await _band.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            _held.Clear();
        }
        finally
        {
            _insert.Transaction = null;
            _band.Transaction = null;
        }
    }

    public async Task<int> PruneAsync(DateTimeOffset before, int maxPerSite, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
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
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! + _held.Count;
    }

    /// <summary>Writes what is held, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var command in _banded.Values.Concat([_exact, _existing, _insert, _band]))
            {
                await command.DisposeAsync();
            }

            await _connection.DisposeAsync();
        }
    }

    private static bool Eligible(IndexedText text, string excludeRecordId, long sinceMs) =>
        text.RecordId != excludeRecordId && text.AddedAt.ToUnixTimeMilliseconds() >= sinceMs;

    /// <summary>The written entries sharing the most of <paramref name="count"/> band keys, with how many each shares.</summary>
    private SqliteCommand Banded(int count)
    {
        if (!_banded.TryGetValue(count, out var command))
        {
            var names = Enumerable.Range(0, count).Select(i => $"$b{i}").ToArray();
            command = Prepare($"""
                SELECT {Columns}, c.shared FROM (
                    SELECT seq, count(*) AS shared FROM neardup_bands WHERE band_key IN ({string.Join(", ", names)})
                    GROUP BY seq ORDER BY shared DESC, seq LIMIT $limit) c
                JOIN neardup_texts t ON t.seq = c.seq
                ORDER BY c.shared DESC, t.seq;
                """, [.. names, "$limit"]);
            _banded[count] = command;
        }

        return command;
    }

    private async Task ReplaceAsync(IndexedText text, IReadOnlyList<long> bandKeys, CancellationToken cancellationToken)
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

        await using (var update = Command(transaction, """
            UPDATE neardup_texts SET site = $site, cluster_of = $cluster, words = $words, text_key = $key,
                added_at = $at, shingles = $shingles, bands = $bands WHERE seq = $seq;
            """))
        {
            update.Parameters.AddWithValue("$seq", seq);
            update.Parameters.AddWithValue("$site", text.Site);
            update.Parameters.AddWithValue("$cluster", text.ClusterOf);
            update.Parameters.AddWithValue("$words", text.Words);
            update.Parameters.AddWithValue("$key", text.TextKey);
            update.Parameters.AddWithValue("$at", text.AddedAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$shingles", MemoryMarshal.AsBytes(text.Shingles.AsSpan()).ToArray());
            update.Parameters.AddWithValue("$bands", MemoryMarshal.AsBytes(bandKeys.ToArray().AsSpan()).ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken);
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

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ReadAsync(SqliteCommand command, List<IndexedText> into, List<long>? shared, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new IndexedText(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5),
                MemoryMarshal.Cast<byte, uint>((byte[])reader.GetValue(7)).ToArray(),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)))
            { Sequence = reader.GetInt64(0) });
            shared?.Add(reader.GetInt64(8));
        }
    }

    private static long[] Longs(byte[] bytes) => MemoryMarshal.Cast<byte, long>(bytes).ToArray();

    /// <summary>An entry not written yet: its band keys as stored (<see cref="Stored"/>) and distinct (<see cref="Bands"/>).</summary>
    private sealed record Held(IndexedText Text, long[] Bands, long[] Stored);
}
