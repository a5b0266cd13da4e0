using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace NewsIngest.Cli.Tests;

/// <summary><c>newsingest eval</c> as a user runs it: a suite of two small corpora written here, floors and usage errors.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly string _suite = Path.Combine(Path.GetTempPath(), "newsingest-cli-tests", "suite-" + Guid.NewGuid().ToString("N"));

    public EvalCommandTests()
    {
        const string Story = "<html><body><article><h1>Council vote</h1><p>The council approved the budget on Tuesday after a long debate, and the mayor said the vote was a relief for residents.</p></article><footer>Privacy policy</footer></body></html>";
        WriteGzip("snips/html/a.html.gz", Story);
        File.WriteAllText(Path.Combine(_suite, "snips", "evaldata.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["https://example.test/a"] = new { file = "a.html", with = new[] { "The council approved the budget" }, without = new[] { "Privacy policy" } },
        }));
        WriteGzip("shingles/001/source.html.gz", Story);
        WriteGzip("shingles/001/expected.html.gz", "<p>The council approved the budget on Tuesday after a long debate, and the mayor said the vote was a relief for residents.</p><p>The session ended at noon with applause from the gallery.</p>");
    }

    [Fact]
    public async Task Suite_prints_one_table_and_holds_its_floors()
    {
        var result = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--min-f1", "snips=0.5", "--max-leak", "snips=0.5", "--min-f1", "macro=0.5"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^shingles\s+1\s+shingles\s", result.Stdout);
        Assert.Matches(@"(?m)^snips\s+1\s+snippets\s+1\.0000\s+1\.0000\s+1\.0000\s+0\.0000", result.Stdout);
        Assert.Contains("macro      ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suite_below_a_corpus_floor_exits_4_naming_the_corpus()
    {
        var result = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--min-f1", "shingles=0.99", "--min-f1", "snips=0.99"]);

        Assert.True(result.ExitCode == 4, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsingest eval: below floor: shingles shingles", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_from_json_gives_the_keep_verdict()
    {
        var first = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--json"]);
        var baseline = Path.Combine(_suite, "baseline.json");
        File.WriteAllText(baseline, first.Stdout);

        var second = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--baseline", baseline]);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("keep       no: the macro average does not rise", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paywall_audit_counts_verdicts_per_corpus()
    {
        var result = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--paywall"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shingles: 1 pages, paywalled 0 (suspect 0)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("snips: 1 pages, paywalled 0 (suspect 0)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("total: paywalled 0, suspect 0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rule_audit_lists_removals_per_rule_on_corpora_with_a_full_reference()
    {
        var result = await NewsIngestExecutable.RunAsync(["eval", "--suite", _suite, "--rules"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("rule audit: blocks removed on pages with a full reference (shingles 1 pages)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not audited (no full reference): snips", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  boilerplate\s+\S+\s+1\s+2\s+0\s+0\.0%", result.Stdout);
        Assert.Contains("total: ", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--suite|X|--rules|--baseline|X/b.json", "--rules audits removals")]
    [InlineData("--corpus|X/snips|--rules", "--rules needs a corpus with a full reference body")]
    [InlineData("--suite|X|--paywall|--min-f1|macro=0.5", "--paywall lists verdicts")]
    [InlineData("--corpus|X|--suite|X", "exactly one of --corpus DIR or --suite DIR")]
    [InlineData("--corpus|X/snips|--min-f1|snips=0.5", "--min-f1 takes one number with --corpus")]
    [InlineData("--suite|X|--min-f1|nosuch=0.5", "no corpus named 'nosuch'")]
    [InlineData("--suite|X|--max-leak|shingles=0.1", "'shingles' is a shingle corpus")]
    [InlineData("--suite|X|--baseline|X/missing.json", "cannot read baseline")]
    public async Task A_bad_option_is_exit_2_in_one_line(string args, string problem)
    {
        var result = await NewsIngestExecutable.RunAsync(["eval", .. args.Replace("X", _suite, StringComparison.Ordinal).Split('|')]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(problem, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_suite, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void WriteGzip(string relative, string text)
    {
        var path = Path.Combine(_suite, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(text));
    }
}
