using System.Text;
using NewsIngest.Evaluation.Corpora;

namespace NewsIngest.Extraction.Tests.Evaluation;

public class CorpusReaderTests
{
    private const string Page = "<title>x</title><article>text</article>";

    [Fact]
    public void Detects_a_snippet_corpus_and_orders_its_pages_by_file_name()
    {
        using var corpus = new TempCorpus()
            .WithSnippetPage("https://example.test/2", "zeta.html", Page, ["text"], [])
            .WithSnippetPage("https://example.test/1", "alpha.html", Page, ["text"], ["menu"]);

        var load = CorpusReader.Load(corpus.Path);

        Assert.True(load.IsSuccess, load.Error);
        Assert.Equal(CorpusKind.Snippets, load.Corpus.Kind);
        Assert.Equal(["alpha.html", "zeta.html"], load.Corpus.Pages.Select(p => p.Name));
        Assert.Equal(["menu"], load.Corpus.Pages[0].Snippets!.Without);
    }

    [Fact]
    public void Reads_the_reference_body_of_a_wcxb_style_entry()
    {
        using var corpus = new TempCorpus()
            .WithBodyPage("https://example.test/1", "a.html", Page, "The main text.", ["text"], []);

        var load = CorpusReader.Load(corpus.Path);

        Assert.True(load.IsSuccess, load.Error);
        Assert.Equal("The main text.", load.Corpus.Pages[0].ReferenceBody);
        Assert.True(load.Corpus.HasReferenceBodies);
    }

    [Fact]
    public void Detects_a_shingle_corpus_from_its_case_folders()
    {
        using var corpus = new TempCorpus().WithShingleCase("002", Page, "<p>x</p>").WithShingleCase("001", Page, "<p>y</p>");

        var load = CorpusReader.Load(corpus.Path);

        Assert.True(load.IsSuccess, load.Error);
        Assert.Equal(CorpusKind.Shingles, load.Corpus.Kind);
        Assert.Equal(["001", "002"], load.Corpus.Pages.Select(p => p.Name));
    }

    [Fact]
    public void A_missing_folder_is_an_error()
    {
        var load = CorpusReader.Load(Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid().ToString("N")));

        Assert.Contains("does not exist", load.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_neither_layout_is_an_error()
    {
        using var corpus = new TempCorpus().WithFile("readme.txt", [1]);

        Assert.Contains("is not a corpus", CorpusReader.Load(corpus.Path).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "top level must be an object")]
    [InlineData("""{"k": {"with": ["a"]}}""", "has no \"file\" string")]
    [InlineData("""{"k": {"file": "a.html", "with": "a"}}""", "\"with\" must be an array of strings")]
    [InlineData("""{"k": {"file": "a.html", "body": ["a"]}}""", "\"body\" must be a string")]
    [InlineData("""{"k": {"file": "../a.html"}}""", "must be a plain file name")]
    [InlineData("""{"k": {"file": "missing.html", "with": []}}""", "html/missing.html.gz does not exist")]
    public void A_malformed_evaldata_file_is_an_error_naming_the_problem(string json, string problem)
    {
        using var corpus = new TempCorpus().WithFile("evaldata.json", Encoding.UTF8.GetBytes(json));

        var load = CorpusReader.Load(corpus.Path);

        Assert.False(load.IsSuccess);
        Assert.Contains(problem, load.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', load.Error);
    }

    [Fact]
    public void A_case_without_its_reference_is_an_error()
    {
        using var corpus = new TempCorpus().WithFile(Path.Combine("007", "source.html.gz"), [0x1f, 0x8b]);

        Assert.Contains("case '007' has source.html.gz but no expected.html.gz", CorpusReader.Load(corpus.Path).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_evaldata_file_holds_no_page()
    {
        using var corpus = new TempCorpus().WithFile("evaldata.json", Encoding.UTF8.GetBytes("{}"));

        Assert.Contains("holds no page", CorpusReader.Load(corpus.Path).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forced_kind_overrides_detection()
    {
        using var corpus = new TempCorpus().WithSnippetPage("k", "a.html", Page, [], []);

        var load = CorpusReader.Load(corpus.Path, CorpusKind.Shingles);

        Assert.Contains("holds no page", load.Error, StringComparison.Ordinal);
    }
}
