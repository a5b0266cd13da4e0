using Microsoft.Data.Sqlite;

namespace NewsIngest.Ingestion.State;

/// <summary>
/// Commands of one connection kept by their SQL: a command run again keeps its compiled statements and its
/// parameters, so a write per page costs no SQL parsing (the parser was a fifth of SQLite's CPU in a <c>once</c> pass
/// before). Not thread-safe: the owner holds the connection's gate.
/// </summary>
internal sealed class PreparedCommands(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, in <paramref name="transaction"/> (none: autocommit).</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>The parameter <paramref name="name"/> of <paramref name="command"/>, added on first use.</summary>
    public static SqliteParameter Parameter(SqliteCommand command, string name, SqliteType? type = null)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            return parameters[index];
        }

        var parameter = type is { } t ? new SqliteParameter(name, t) : new SqliteParameter { ParameterName = name };
        parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }
}
