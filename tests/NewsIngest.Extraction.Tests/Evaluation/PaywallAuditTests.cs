using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Paywalls;

namespace NewsIngest.Extraction.Tests.Evaluation;

public sealed class PaywallAuditTests : IDisposable
{
    private const string Lead = "The council approved the new budget on Tuesday after a long debate about school funding.";
    private const string Next = "Opposition members said the plan left the poorest districts without enough money for teachers.";
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void Lists_the_paywalled_pages_with_their_signals_and_counts_the_rest()
    {
        // Given a walled teaser whose reference is the teaser (a true wall) and a free page
        _corpus.WithShingleCase(
                "a-walled",
                $"<title>A</title><article><p>{Lead}</p><p>{Next}</p><h3>Subscribe to continue reading</h3><p>Behind the wall.</p></article>",
                $"<p>{Lead}</p><p>{Next}</p><p>And three more paragraphs the reader never saw in the teaser at all, not one of them.</p>")
            .WithShingleCase("b-free", $"<title>B</title><article><p>{Lead}</p><p>{Next}</p></article>", $"<p>{Lead}</p><p>{Next}</p>");
        var corpus = CorpusReader.Load(_corpus.Path).Corpus!;

        // When it is audited
        var audit = new PaywallAuditor().Audit(corpus, parallelism: 2, limit: null, CancellationToken.None);

        // Then the walled page is listed with its evidence, and it is no suspect: the reference holds more than the preview
        var page = Assert.Single(audit.Paywalled);
        Assert.Equal("a-walled", page.Page);
        Assert.Equal("Subscribe to continue reading", page.Marker);
        Assert.Contains("text:en:subscribe-to-continue-reading", page.Signals);
        Assert.True(page.Coverage < 0.9);
        Assert.False(page.Suspect);
        Assert.Equal((2, 1, 0), (audit.Pages, audit.Free + audit.Unknown, audit.Failed));
    }

    [Fact]
    public void A_paywalled_page_whose_preview_holds_the_whole_reference_is_suspect()
    {
        _corpus.WithShingleCase(
            "a-false-wall",
            $"<title>A</title><article><p>{Lead}</p><p>{Next}</p><h3>Subscribe to continue reading</h3></article>",
            $"<p>{Lead}</p><p>{Next}</p>");

        var audit = new PaywallAuditor().Audit(CorpusReader.Load(_corpus.Path).Corpus!, 1, null, CancellationToken.None);

        var page = Assert.Single(audit.Paywalled);
        Assert.True(page.Suspect);
        var text = new StringWriter();
        PaywallAuditWriter.WriteText(text, [audit]);
        Assert.Contains("paywalled 1 (suspect 1)", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("  ? a-false-wall  kind=hard", text.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _corpus.Dispose();
}
