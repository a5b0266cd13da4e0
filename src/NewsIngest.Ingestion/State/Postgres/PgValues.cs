using Npgsql;
using NpgsqlTypes;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary>
/// Positional parameters (<c>$1</c>, <c>$2</c>…: the form Npgsql sends without rewriting, so statements prepare) and
/// the one rule for instants: <c>timestamptz</c> keeps microseconds, so every instant is written in UTC truncated to
/// whole microseconds and reads back equal to what was written.
/// </summary>
internal static class PgValues
{
    /// <summary><paramref name="value"/> in UTC, truncated to whole microseconds (what <c>timestamptz</c> keeps).</summary>
    public static DateTimeOffset Micro(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    public static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Stamp(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? Micro(v) : DBNull.Value };

    public static NpgsqlParameter Int(int? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Long(long? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Bool(bool value) => new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = value };

    public static NpgsqlParameter Bytes(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };

    public static string? TextOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? StampOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset StampOf(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>Adds <paramref name="parameters"/> to <paramref name="collection"/> in order (<c>$1</c> first).</summary>
    public static void AddAll(NpgsqlParameterCollection collection, params NpgsqlParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(collection);
        collection.AddRange(parameters);
    }

    /// <summary>A command of <paramref name="sql"/> with <paramref name="parameters"/>, for a batch or alone.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
