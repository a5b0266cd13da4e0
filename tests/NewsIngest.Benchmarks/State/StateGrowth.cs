using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.NearDuplicates;
using NewsIngest.Ingestion.Passes;
using NewsIngest.Ingestion.State;
using NewsIngest.Ingestion.Templates;
using NewsIngest.Tests.Shared;

namespace NewsIngest.Benchmarks.State;

/// <summary>
/// <c>state-growth [--records N] [--sites S]</c>: what the site-template and near-duplicate tables add to a real state
/// file. N generated pages (default 10,000) of S sites (default 100, pages taken in turn) go through the learner and the
/// annotator as a pass sends them, into a new SQLite file; then the bytes of each table and its indexes (compacted file less
/// the file compacted without them), per record, and the annotator's mean time per record.
/// </summary>
internal static class StateGrowth
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var records = Option(args, "--records", 10_000);
        var siteCount = Option(args, "--sites", 100);
        var directory = Directory.CreateTempSubdirectory("newsingest-state-growth-");
        var path = Path.Combine(directory.FullName, "state.db");
        try
        {
            var sites = Enumerable.Range(0, siteCount).Select(s => new GeneratedSite($"site{s}.example", $"Site {s} News")).ToArray();
            long words = 0;
            var annotating = TimeSpan.Zero;
            var lastThousand = TimeSpan.Zero;
            await using (var state = await SqliteStateStore.OpenAsync(path, default))
            await using (var annotator = new NearDuplicateAnnotator(
                await SqliteNearDuplicateIndex.OpenAsync(path, default), new NearDuplicateOptions(), TimeProvider.System))
            {
                var learner = new SiteTemplateLearner(state);
                for (var i = 0; i < records; i++)
                {
                    var site = sites[i % siteCount];
                    var page = i / siteCount;
                    var body = System.Text.Encoding.UTF8.GetBytes(site.Page(page));
                    var url = site.Url(page);
                    var result = await learner.ExtractAndLearnAsync(
                        site.Host, "bench", model => PipelinePageExtractor.Instance.Extract(body, "utf-8", url, model, default), default);
                    if (!result.IsSuccess)
                    {
                        throw new InvalidOperationException($"{url}: {result.Error}");
                    }

                    words += result.Record.Preview.WordCount;
                    var started = Stopwatch.GetTimestamp();
                    await annotator.AnnotateAsync(result.Record, url.AbsoluteUri, default);
                    var took = Stopwatch.GetElapsedTime(started);
                    annotating += took;
                    lastThousand += i >= records - 1000 ? took : TimeSpan.Zero;
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{records} records of {siteCount} sites ({words / (double)records:0} preview words each) into {path}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"annotator: {annotating.TotalMicroseconds / records:0} us per record (candidates, confirmation, index write), {lastThousand.TotalMicroseconds / Math.Min(1000, records):0} us over the last 1,000"));
            foreach (var (group, bytes) in await TableBytesAsync(path))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{group,-16} {bytes,12:N0} bytes  {bytes / (double)records,8:0} bytes per record"));
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Bytes per group of tables (with their indexes): the compacted file (<c>VACUUM INTO</c>) less the same file
    /// compacted without the group's tables. SQLite's <c>dbstat</c> would say it directly, but the bundled build lacks it.
    /// </summary>
    private static async Task<List<(string Group, long Bytes)>> TableBytesAsync(string path)
    {
        var compact = path + ".compact";
        await ExecuteAsync(path, $"PRAGMA wal_checkpoint(TRUNCATE); VACUUM INTO '{compact}';");
        var total = new FileInfo(compact).Length;
        var rows = new List<(string, long)>();
        foreach (var (group, tables) in new[]
        {
            ("site templates", new[] { "site_template_pages" }),
            ("near-duplicates", new[] { "neardup_texts", "neardup_bands" }),
        })
        {
            var without = path + ".without";
            File.Copy(compact, without, overwrite: true);
            await ExecuteAsync(without, string.Concat(tables.Select(t => $"DROP TABLE {t}; ")) + "VACUUM;");
            rows.Add((group, total - new FileInfo(without).Length));
        }

        rows.Add(("whole file", total));
        return rows;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
