using System.Text.Json;
using NewsIngest.Evaluation.Running;
using NewsIngest.Evaluation.Suites;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class SuiteEvaluationTests : IDisposable
{
    private const int Digits = 12;
    private readonly TempSuite _suite = new();

    public SuiteEvaluationTests()
    {
        // trafilatura (snippets): 1 of 2 found, nothing leaked -> F1 = 2/3.
        _suite.Corpus("trafilatura").WithSnippetPage(
            "https://example.test/t", "t.html", "<title>T</title><article>Found here.</article>", ["Found here.", "Lost"], ["Menu"]);
        // readability (shingles): exact -> F1 = 1.
        _suite.Corpus("readability").WithShingleCase(
            "001", "<title>R</title><article>one two three four five</article>", "<p>one two three four five</p>");
        // wcxb (bodies): output 4 of the 5 reference words -> P = 1, R = 0.8, word F1 = 8/9; snippets all found.
        _suite.Corpus("wcxb").WithBodyPage(
            "https://example.test/w", "w.html", "<title>W</title><article>alpha beta gamma delta</article>",
            "Alpha beta gamma delta epsilon", ["alpha beta"], []);
        // Not a corpus: passed over.
        Directory.CreateDirectory(Path.Combine(_suite.Path, "notes"));
    }

    [Fact]
    public void Finds_every_corpus_of_the_folder_in_name_order_and_passes_over_other_folders()
    {
        var load = SuiteReader.Load(_suite.Path);

        Assert.True(load.IsSuccess, load.Error);
        Assert.Equal(["readability", "trafilatura", "wcxb"], load.Suite.Corpora.Select(c => c.Name));
        Assert.True(load.Suite.Corpora[2].HasReferenceBodies);
    }

    [Fact]
    public void A_broken_corpus_fails_the_whole_suite_with_its_name()
    {
        _suite.Corpus("broken").WithFile("evaldata.json", "{ not json"u8.ToArray());

        var load = SuiteReader.Load(_suite.Path);

        Assert.StartsWith("corpus 'broken': evaldata.json is not valid JSON", load.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_corpora_is_not_a_suite()
    {
        using var empty = new TempSuite();

        Assert.Contains("holds no corpus", SuiteReader.Load(empty.Path).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_each_corpus_with_its_headline_metric_and_averages_them_unweighted()
    {
        var report = Evaluate();

        var wcxb = report.Find("wcxb")!;
        Assert.Equal("word-f1", wcxb.ScoreMetric);
        Assert.Equal(8.0 / 9.0, wcxb.Score, Digits);
        Assert.Equal(1.0, wcxb.F1, Digits);
        Assert.Equal(2.0 / 3.0, report.Find("trafilatura")!.Score, Digits);
        Assert.Equal("shingles", report.Find("readability")!.ScoreMetric);
        Assert.Equal((1 + (2.0 / 3.0) + (8.0 / 9.0)) / 3, report.Macro, Digits);
        Assert.Equal((1 + (8.0 / 9.0)) / 2, report.MacroWithout("trafilatura"), Digits);
    }

    [Fact]
    public void Json_output_reads_back_as_a_baseline_with_the_same_scores()
    {
        var report = Evaluate();
        using var text = new StringWriter();
        SuiteJsonWriter.Write(text, report);
        var path = Path.Combine(_suite.Path, "baseline.json");
        File.WriteAllText(path, text.ToString());

        var baseline = SuiteBaseline.Read(path, out var error);

        Assert.Null(error);
        Assert.Equal(8.0 / 9.0, baseline!.Scores["wcxb"], 6);
        using var json = JsonDocument.Parse(text.ToString());
        var trafilatura = json.RootElement.GetProperty("corpora").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "trafilatura");
        Assert.Equal(0.924, trafilatura.GetProperty("anchors").GetProperty("trafilatura").GetDouble());
        Assert.Equal(Math.Round(report.MacroWithout("wcxb"), 6), json.RootElement.GetProperty("leaveOneOut").GetProperty("wcxb").GetDouble());
    }

    [Fact]
    public void Text_output_is_one_table_with_the_published_figure_beside_ours_and_the_macro_average()
    {
        using var text = new StringWriter();

        SuiteTextWriter.Write(text, Evaluate());

        var lines = text.ToString().Split('\n');
        Assert.Matches(@"^trafilatura\s+1\s+snippets\s+1\.0000\s+0\.5000\s+0\.6667\s+0\.0000\s+0\.924$", lines.Single(l => l.StartsWith("trafilatura ", StringComparison.Ordinal)));
        Assert.Matches(@"^wcxb\s+1\s+word-f1\s+1\.0000\s+0\.8000\s+0\.8889\s+0\.0000\s+0\.926$", lines.Single(l => l.StartsWith("wcxb ", StringComparison.Ordinal)));
        Assert.StartsWith("macro      0.8519", lines.Single(l => l.StartsWith("macro", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("leave out  readability 0.7778", StringComparison.Ordinal));
    }

    public void Dispose() => _suite.Dispose();

    private SuiteReport Evaluate()
    {
        var load = SuiteReader.Load(_suite.Path);
        Assert.True(load.IsSuccess, load.Error);
        return new SuiteEvaluator(new CorpusEvaluator(new FakeExtractor().Extract))
            .Evaluate(load.Suite, new EvaluationOptions(), CancellationToken.None);
    }
}
