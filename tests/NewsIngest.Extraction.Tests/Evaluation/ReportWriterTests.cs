using System.Text.Json;
using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Reporting;
using NewsIngest.Evaluation.Running;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class ReportWriterTests : IDisposable
{
    private readonly TempCorpus _corpus = new TempCorpus()
        .WithSnippetPage("https://example.test/a", "a.html", "<title>A</title><article>Found it. Menu</article>", ["Found it."], ["Menu"])
        .WithSnippetPage("https://example.test/b", "b.html", "<title>B</title><article>CRASH</article>", ["Lost"], []);

    [Fact]
    public void Json_report_is_one_object_with_the_figures_scripts_read()
    {
        using var json = JsonDocument.Parse(WriteJson());
        var root = json.RootElement;

        // (1, 1, 0, 0) + (0, 0, 1, 0): P = 1/2, R = 1/2, F1 = 2/4, leak = 1/1.
        Assert.Equal("snippets", root.GetProperty("kind").GetString());
        Assert.Equal(2, root.GetProperty("pages").GetInt32());
        Assert.Equal(0.5, root.GetProperty("precision").GetDouble());
        Assert.Equal(0.5, root.GetProperty("recall").GetDouble());
        Assert.Equal(0.5, root.GetProperty("f1").GetDouble());
        Assert.Equal(1.0, root.GetProperty("leak").GetDouble());
        Assert.Equal(1, root.GetProperty("crashed").GetInt32());
        Assert.True(root.GetProperty("wallPagesPerSecond").GetDouble() > 0);
        Assert.Equal("b.html", root.GetProperty("worst")[0].GetProperty("name").GetString());
        Assert.Equal("crashed", root.GetProperty("failures")[0].GetProperty("outcome").GetString());
        Assert.Equal("Menu", root.GetProperty("worst")[1].GetProperty("leaked")[0].GetString());
    }

    [Fact]
    public void Text_report_shows_scores_leak_worst_pages_and_failures()
    {
        using var text = new StringWriter();

        TextReportWriter.Write(text, Evaluate());

        var output = text.ToString();
        Assert.Contains("precision 0.5000  recall 0.5000  F1 0.5000", output, StringComparison.Ordinal);
        Assert.Contains("without 1 (leaked 1, leak 1.0000)", output, StringComparison.Ordinal);
        Assert.Contains("worst 2 pages:", output, StringComparison.Ordinal);
        Assert.Matches(@"crashed\s+b\.html: InvalidOperationException: fake extractor crashed", output);
    }

    [Fact]
    public void Details_list_the_missed_and_leaked_snippets_under_each_worst_page()
    {
        using var text = new StringWriter();

        TextReportWriter.Write(text, Evaluate(), details: true);

        var lines = text.ToString().Split('\n');
        var b = Array.FindIndex(lines, l => l.EndsWith("b.html  [crashed]", StringComparison.Ordinal));
        var a = Array.FindIndex(lines, l => l.EndsWith("  a.html", StringComparison.Ordinal));
        Assert.Equal("      missed: \"Lost\"", lines[b + 1]);
        Assert.Equal("      leaked: \"Menu\"", lines[a + 1]);
    }

    public void Dispose() => _corpus.Dispose();

    private string WriteJson()
    {
        using var text = new StringWriter();
        JsonReportWriter.Write(text, Evaluate());
        return text.ToString();
    }

    private EvaluationReport Evaluate() =>
        new CorpusEvaluator(new FakeExtractor().Extract).Evaluate(CorpusReader.Load(_corpus.Path).Corpus!, new EvaluationOptions(), CancellationToken.None);
}
