using NewsIngest.Evaluation.Corpora;
using NewsIngest.Evaluation.Rules;

namespace NewsIngest.Extraction.Tests.Evaluation;

public sealed class RuleAuditTests : IDisposable
{
    private const string Lead = "The council approved the new budget on Tuesday after a long debate about school funding.";
    private const string Next = "Opposition members said the plan left the poorest districts without enough money for teachers.";
    private const string Hidden = "The mayor promised a second vote in the spring once the audit of the district accounts is done.";
    private readonly TempCorpus _shingles = new();
    private readonly TempCorpus _snippets = new();

    [Fact]
    public void Charges_each_removed_block_to_its_rule_with_the_share_the_reference_keeps()
    {
        // Given a page whose third paragraph sits in a [hidden] wrapper the reference keeps, and a navigation bar it does not
        _shingles.WithShingleCase(
            "a-page",
            $"<title>A</title><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            + $"<article><p>{Lead}</p><p>{Next}</p><div hidden><p>{Hidden}</p></div></article>",
            $"<p>{Lead}</p><p>{Next}</p><p>{Hidden}</p>");
        _snippets.WithSnippetPage("https://example.test/b", "b.html", $"<article><p>{Lead}</p></article>", [Lead], []);

        // When the rules are audited over both corpora
        var audit = new RuleAuditor().Audit(
            [CorpusReader.Load(_shingles.Path).Corpus!, CorpusReader.Load(_snippets.Path).Corpus!], 2, null, CancellationToken.None);

        // Then the hidden paragraph is article text of its rule, the navigation none, and the snippet-only corpus is skipped
        var hidden = Assert.Single(audit.Rules, r => r.Rule == new RuleKey("hidden", "[hidden]"));
        Assert.Equal(new RuleRemovals(1, 18, 18), hidden.Total);
        Assert.Equal("a-page", Assert.Single(hidden.Examples).Page);
        var navigation = Assert.Single(audit.Rules, r => r.Rule.Role == "boilerplate");
        Assert.Equal(0, navigation.Total.Kept);
        Assert.True(navigation.Total.Words >= 3);
        Assert.Equal(audit.Rules[0], hidden);
        Assert.Equal([Path.GetFileName(_snippets.Path)], audit.Skipped);
    }

    [Fact]
    public void The_text_report_flags_a_rule_that_removes_mostly_article_text()
    {
        var row = new RuleAuditRow(
            new RuleKey("boilerplate", "orphan-heading"),
            new RuleRemovals(10, 400, 260),
            new Dictionary<string, RuleRemovals> { ["fundus"] = new(10, 400, 260) },
            [new RuleExample("fundus", "de-page", 60, "A heading of the story")]);
        var audit = new RuleAudit(["fundus"], new Dictionary<string, int> { ["fundus"] = 3 }, [row], []);

        var text = new StringWriter();
        RuleAuditWriter.WriteText(text, audit, details: true);

        Assert.Matches(@"(?m)^! boilerplate\s+orphan-heading\s+10\s+400\s+260\s+65\.0%\s+65\.0% of 400$", text.ToString());
        Assert.Contains("fundus/de-page: 60 kept, e.g. \"A heading of the story\"", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("total: 400 words removed, 260 of them article text (65.0%)", text.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _shingles.Dispose();
        _snippets.Dispose();
    }
}
