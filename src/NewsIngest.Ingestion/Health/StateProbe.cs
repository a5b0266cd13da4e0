using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.Health;

/// <summary>
/// Whether the state file can be opened and read now, from a connection of its own (read-only, unpooled): the
/// worker's open connection would go on working on a file that was deleted, replaced or whose disk went away.
/// </summary>
public static class StateProbe
{
    /// <summary>Null when <paramref name="path"/> opens and reads as a database; else the reason, one line.</summary>
    public static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString();
        try
        {
            await using var db = new SqliteConnection(connection);
            await db.OpenAsync(cancellationToken);
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (SqliteException ex)
        {
            return $"state {path} cannot be read: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }
}
