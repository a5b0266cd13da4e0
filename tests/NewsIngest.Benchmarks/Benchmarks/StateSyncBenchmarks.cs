using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Data.Sqlite;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// What a visit that writes no record (a 304, an unchanged page, a failure) costs the state: one autocommit upsert of
/// a URL row in a WAL file on this machine's disk, committed with <c>synchronous = FULL</c> (an fsync each, as before)
/// against <c>NORMAL</c> (the WAL is synced by the next record commit), both in one run.
/// <c>dotnet run -c Release --project tests/NewsIngest.Benchmarks -- --filter '*StateSyncBenchmarks*'</c>
/// </summary>
[Config(typeof(Config))]
public class StateSyncBenchmarks
{
    private const int Visits = 200;
    private string _directory = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _upsert = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("newsingest-statesync-").FullName;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "state.db"), Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; CREATE TABLE urls (url TEXT PRIMARY KEY, last_status TEXT, last_fetched_at TEXT, attempts INTEGER);");
        _upsert = _connection.CreateCommand();
        _upsert.CommandText = "INSERT INTO urls VALUES ($u, 'not-modified', $t, 0) ON CONFLICT(url) DO UPDATE SET last_status = excluded.last_status, last_fetched_at = excluded.last_fetched_at;";
        _upsert.Parameters.Add("$u", SqliteType.Text);
        _upsert.Parameters.Add("$t", SqliteType.Text);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _upsert.Dispose();
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "200 visits, synchronous=FULL")]
    public void Full() => Visit("FULL");

    [Benchmark(Description = "200 visits, synchronous=NORMAL")]
    public void Normal() => Visit("NORMAL");

    private void Visit(string level)
    {
        Execute($"PRAGMA synchronous = {level};");
        var round = (++_round).ToString(Formats.Culture);
        for (var i = 0; i < Visits; i++)
        {
            _upsert.Parameters["$u"].Value = $"https://news.test/{i}";
            _upsert.Parameters["$t"].Value = round;
            _upsert.ExecuteNonQuery();
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8)
            .WithToolchain(InProcessEmitToolchain.Instance).WithId("Short-InProcess"));
    }
}
