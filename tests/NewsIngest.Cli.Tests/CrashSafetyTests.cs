using System.Globalization;
using System.Text.RegularExpressions;
using NewsIngest.Ingestion.Faults;
using Xunit.Abstractions;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// SIGKILL at every step of the write protocol, each followed by the next run: nothing is lost, duplicated or torn.
/// The kills are injected (<see cref="CrashPoint"/>: the run kills itself the n-th time it reaches a step), so each
/// lands exactly where the table says however fast the machine is.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Pages = 400;

    // Batches of at most 10 records: the ten kills below use at most 23 batches (230 pages), so each lands mid-pass.
    private static readonly Dictionary<string, string> SmallBatches = new() { ["NEWSINGEST_OUTPUT__BATCHMAXRECORDS"] = "10" };

    private static readonly (string Point, int Count)[] Kills =
    [
        (CrashPoint.PendingRecorded, 1), (CrashPoint.MidAppend, 1), (CrashPoint.Appended, 2), (CrashPoint.Committed, 1),
        (CrashPoint.MidAppend, 3), (CrashPoint.PendingRecorded, 4), (CrashPoint.Appended, 1), (CrashPoint.MidAppend, 2),
        (CrashPoint.Committed, 3), (CrashPoint.Appended, 5),
    ];

    private readonly Workspace _work = new Workspace().WithPages(Pages).WithConfig();

    private int _committed;
    private int _dropped;

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Killing_once_at_every_step_of_the_write_never_loses_duplicates_or_tears_a_record()
    {
        // Given runs killed at each step of the protocol, each followed by the next run
        foreach (var (point, count) in Kills)
        {
            var killed = await NewsIngestExecutable.RunAsync(_work.Args("once"),
                new Dictionary<string, string>(SmallBatches) { [CrashPoint.Variable] = $"{point}:{count}" },
                timeout: TimeSpan.FromSeconds(90));
            Assert.True(killed.ExitCode == 137, $"{point}:{count} did not kill the run: {killed}");
            Recovered(killed.Stderr);
        }

        // When a last run is left to finish
        var last = await NewsIngestExecutable.RunAsync(_work.Args("once"), SmallBatches, timeout: TimeSpan.FromSeconds(120));
        Recovered(last.Stderr);

        // Then every page is in the output exactly once, every line is whole JSON, torn tails were kept aside, and
        // restarts both committed records found in the output and dropped pending writes that never reached it
        Assert.True(last.ExitCode == 0, last.ToString());
        var torn = Directory.GetFiles(_work.RecordsDirectory, "*.torn-*").Length;
        output.WriteLine($"{torn} torn tails moved aside; pending writes at restart: {_committed} found in the output " +
            $"and committed, {_dropped} not written and dropped");
        var records = _work.Records();
        var urls = records.Select(r => r.GetProperty("url").GetString()!).ToList();
        Assert.Equal(Pages, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Pages, urls.Count);
        Assert.All(records, r => Assert.Equal(1, r.GetProperty("version").GetInt32()));
        foreach (var file in Directory.GetFiles(_work.RecordsDirectory, "*.jsonl"))
        {
            Assert.EndsWith("\n", File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.True(torn >= 1, "no mid-append kill left a torn tail to move aside");
        Assert.True(_committed > 0 && _dropped > 0, $"committed {_committed}, dropped {_dropped}");
    }

    private void Recovered(string stderr)
    {
        foreach (Match match in Regex.Matches(stderr, @"(\d+) pending records found in the output and committed, (\d+) not written"))
        {
            _committed += int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            _dropped += int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }
    }
}
