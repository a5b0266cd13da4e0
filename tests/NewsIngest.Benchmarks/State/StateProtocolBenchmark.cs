using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.State;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.State;

/// <summary>
/// <c>state-protocol [--batches N] [--batch B]</c>: the record protocol's cost per batch on each provider, in one run.
/// A batch is what the writer does for B records (default 64): a lookup per URL, BeginWrites, CommitWrites. N batches
/// (default 200) per provider, the providers taking turns every 10 batches so both see the same machine; SQLite in a
/// temporary file (FULL sync), PostgreSQL in a fresh schema of <see cref="TestPostgres"/>'s server (its own cluster
/// unless NEWSINGEST_TEST_POSTGRES names one). Prints the median and mean per batch and the PostgreSQL/SQLite ratio.
/// </summary>
internal static class StateProtocolBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var batches = Option(args, "--batches", 200);
        var size = Option(args, "--batch", 64);
        var directory = Directory.CreateTempSubdirectory("newsingest-state-protocol-");
        await using var schema = await TestPostgres.CreateSchemaAsync();
        try
        {
            await using var sqlite = await StateBackend.OpenAsync(new StateOptions { Path = Path.Combine(directory.FullName, "state.db") }, default);
            await using var postgres = await StateBackend.OpenAsync(
                new StateOptions { Provider = StateProvider.Postgres, ConnectionString = schema.ConnectionString }, default);
            var times = new Dictionary<StateBackend, List<double>> { [sqlite] = [], [postgres] = [] };
            // One warm-up batch each (JIT, prepared statements), not counted.
            foreach (var backend in times.Keys)
            {
                await BatchAsync(backend, -1, size);
            }

            for (var round = 0; round * 10 < batches; round++)
            {
                foreach (var (backend, list) in times)
                {
                    for (var b = round * 10; b < Math.Min(batches, (round + 1) * 10); b++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await BatchAsync(backend, b, size);
                        list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
            }

            foreach (var (backend, list) in times)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{backend.Provider,-8} {batches} batches of {size}: median {Median(list):0.00} ms, mean {list.Average():0.00} ms per batch ({backend.Description})"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"postgres/sqlite: median {Median(times[postgres]) / Median(times[sqlite]):0.00}x, mean {times[postgres].Average() / times[sqlite].Average():0.00}x"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task BatchAsync(StateBackend backend, int batch, int size)
    {
        var writes = new List<PendingWrite>(size);
        for (var i = 0; i < size; i++)
        {
            var url = $"https://bench.example/{batch}/{i}";
            var previous = await backend.Store.GetAsync(url, default);
            var state = new UrlState
            {
                Url = url,
                ContentHash = $"h{batch}-{i}",
                Version = (previous?.Version ?? 0) + 1,
                RecordId = $"r{batch}-{i}",
                Source = "bench",
                LastStatus = UrlStatuses.Ok,
                LastFetchedAt = DateTimeOffset.UtcNow,
            };
            writes.Add(new PendingWrite(url, state.RecordId, state.Version, state.ContentHash, state));
        }

        await backend.Store.BeginWritesAsync(writes, default);
        await backend.Store.CommitWritesAsync(writes, default);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
