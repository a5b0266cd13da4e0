using System.Diagnostics;
using Npgsql;

namespace NewsIngest.Tests.Shared;

/// <summary>
/// The PostgreSQL server the shared-state tests run against: the one <c>.ci/run</c> starts and names in
/// <c>NEWSINGEST_TEST_POSTGRES</c>; when that is not set (a plain <c>dotnet test</c>), a throwaway cluster this test
/// process starts with <c>.ci/postgres start</c> and stops when it exits. Each test takes a schema of its own
/// (<see cref="CreateSchemaAsync"/>), so tests run in parallel on one server. When there is no server and none can
/// be started, every such test fails with one line saying why: they are never skipped.
/// </summary>
public static class TestPostgres
{
    /// <summary>The environment variable with the server's connection string.</summary>
    public const string Variable = "NEWSINGEST_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(FindOrStartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string (its test database, no schema chosen).</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>A new, empty schema on the server; its connection string puts it first on the search path.</summary>
    public static async Task<TestSchema> CreateSchemaAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name };
        return new TestSchema(name, builder.ConnectionString, ConnectionString);
    }

    private static string FindOrStartServer()
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return named;
        }

        var script = FindScript()
            ?? throw new InvalidOperationException($"PostgreSQL tests: {Variable} is not set and no .ci/postgres was found above {AppContext.BaseDirectory} to start a server; run .ci/run, or set {Variable}");
        var start = Run(script, "start");
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests: {Variable} is not set and '{script} start' failed (exit {start.ExitCode}): {LastLine(start.Error)}; run .ci/run, or set {Variable}");
        }

        var exports = start.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''), StringComparer.Ordinal);
        var directory = exports.GetValueOrDefault("NEWSINGEST_PG_DIR");
        if (directory is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", directory);
        }

        return exports.GetValueOrDefault(Variable)
            ?? throw new InvalidOperationException($"PostgreSQL tests: '{script} start' printed no {Variable}");
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    private static (int ExitCode, string Output, string Error) Run(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
}

/// <summary>A schema of one test on <see cref="TestPostgres"/>'s server; disposing drops it and everything in it.</summary>
public sealed class TestSchema(string name, string connectionString, string serverConnectionString) : IAsyncDisposable
{
    /// <summary>The schema's name.</summary>
    public string Name { get; } = name;

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE;", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
