using System.Diagnostics;
using Npgsql;

namespace NewsIngest.Tests.Shared.Workers;

/// <summary>
/// A PostgreSQL cluster of one test's own, started with <c>.ci/postgres start</c> (the script <c>.ci/run</c> uses),
/// for a test that does to the server what it must never do to the shared one: restart it. Disposing stops and
/// deletes it (<c>.ci/postgres stop DIR</c>).
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly string _script;

    private TestCluster(string script, string directory, string bin, string connectionString)
    {
        (_script, Directory, Bin, ConnectionString) = (script, directory, bin, connectionString);
    }

    /// <summary>The cluster's folder (<c>data/</c>, <c>server.log</c>).</summary>
    public string Directory { get; }

    /// <summary>The server binaries (pg_ctl, psql).</summary>
    public string Bin { get; }

    /// <summary>The cluster's test database.</summary>
    public string ConnectionString { get; }

    public static async Task<TestCluster> StartAsync()
    {
        var script = FindScript()
            ?? throw new InvalidOperationException($"no .ci/postgres above {AppContext.BaseDirectory} to start a cluster with");
        var (code, output, error) = await RunAsync("bash", script, "start");
        if (code != 0)
        {
            throw new InvalidOperationException($"'{script} start' failed (exit {code}): {error.Trim().Split('\n')[^1]}");
        }

        var exports = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''), StringComparer.Ordinal);
        return new TestCluster(script, exports["NEWSINGEST_PG_DIR"], exports["NEWSINGEST_PG_BIN"], exports["NEWSINGEST_TEST_POSTGRES"]);
    }

    /// <summary>A new schema on this cluster; its connection string puts it first on the search path.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {name};", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = name }.ConnectionString;
    }

    /// <summary>
    /// <c>pg_ctl restart</c> (fast shutdown: every connection is ended, then the server starts again on the same port,
    /// with the options it was started with), as the <c>postgres</c> user when this process is root, as the script
    /// runs it. Returns once the server accepts connections again.
    /// </summary>
    public async Task RestartAsync()
    {
        var pgCtl = Path.Combine(Bin, "pg_ctl");
        string[] command = [pgCtl, "-D", Path.Combine(Directory, "data"), "-l", Path.Combine(Directory, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"];
        var (code, _, error) = IsRoot()
            ? await RunAsync("runuser", ["-u", "postgres", "--", .. command])
            : await RunAsync(command[0], command[1..]);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_ctl restart failed (exit {code}): {error.Trim()}");
        }
    }

    public async ValueTask DisposeAsync() => await RunAsync("bash", _script, "stop", Directory);

    // initdb refuses root, so the script runs the server as postgres; pg_ctl must be run as its owner too.
    private static bool IsRoot() => File.ReadLines("/proc/self/status")
        .Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0");

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

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, await error);
    }
}
