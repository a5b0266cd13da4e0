using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Segmentation;

public sealed class DomSegmenterTests
{
    private const string Long = "This paragraph is long enough to count as article prose, with commas, clauses, and detail.";
    private const string Other = "A second paragraph carries different words entirely, so that nobody mistakes it for a copy.";

    [Fact]
    public void Text_bullets_become_list_items_without_their_glyph()
    {
        var record = Extract.Html(Extract.Page($"<article><p>{Long}</p><p>• First point of the story, in detail.<br>• Second point of the story, in detail.</p></article>"));

        Assert.Equal(
            [BlockType.Paragraph, BlockType.ListItem, BlockType.ListItem],
            record.Preview.Blocks.Select(b => b.Type).ToArray());
        Assert.Equal("First point of the story, in detail.", record.Preview.Blocks[1].Text);
    }

    [Fact]
    public void List_items_subheadings_and_quotes_keep_their_kind()
    {
        var record = Extract.Html(Extract.Page(
            $"<article><p>{Long}</p><h2>What happens next in the talks</h2><p>{Other}</p><blockquote><p>A quoted passage that a minister said, at length, to reporters.</p></blockquote><ul><li>A listed point that is long enough to be read.</li></ul></article>"));

        Assert.Equal(
            [BlockType.Paragraph, BlockType.Heading, BlockType.Paragraph, BlockType.Quote, BlockType.ListItem],
            record.Preview.Blocks.Select(b => b.Type).ToArray());
    }

    [Theory]
    [InlineData("<p style=\"display: none\">{0}</p>")]
    [InlineData("<p style=\"VISIBILITY:hidden\">{0}</p>")]
    [InlineData("<p hidden>{0}</p>")]
    [InlineData("<p aria-hidden=\"true\">{0}</p>")]
    [InlineData("<div class=\"sr-only\"><p>{0}</p></div>")]
    [InlineData("<noscript><p>{0}</p></noscript>")]
    [InlineData("<div class=\"secret-copy\"><p>{0}</p></div>")]
    public void Text_hidden_from_the_reader_never_reaches_the_preview(string hiddenMarkup)
    {
        var hidden = string.Format(System.Globalization.CultureInfo.InvariantCulture, hiddenMarkup, "Hidden sentence that no anonymous reader can see on this page at all.");
        var record = Extract.Html(Extract.Page($"<article><p>{Long}</p>{hidden}</article>", "<style>.secret-copy { display:none }</style>"));

        Assert.DoesNotContain("Hidden sentence", record.Preview.Text);
        Assert.True(record.Removed.Hidden >= 1);
    }

    [Fact]
    public void Navigation_footer_and_cookie_banner_are_boilerplate()
    {
        var record = Extract.Html(Extract.Page(
            $"<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site, please accept.</p></div><nav><a href='/'>Home</a><a href='/world'>World news</a></nav><article><p>{Long}</p><p>{Other}</p></article><footer><p>Copyright 2024 The Example Times, all rights reserved by the owners.</p></footer>"));

        Assert.Equal([Long, Other], record.PreviewTexts());
        Assert.True(record.Removed.Boilerplate >= 3);
    }

    [Fact]
    public void Deep_nesting_is_read_without_recursion()
    {
        var depth = 5000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + Long + "</p>" + string.Concat(Enumerable.Repeat("</div>", depth));

        var record = Extract.Html(Extract.Page(html));

        Assert.Contains("long enough", record.Preview.Text);
    }

    [Fact]
    public void Entries_cut_from_one_paragraph_at_blank_lines_count_only_their_own_links()
    {
        // Given a ranked list written as one paragraph, each entry a linked name then a description, split by <br><br>
        var entries = Enumerable.Range(1, 12).Select(k => (
            Name: $"The Harbour Kitchen at pier {k} beside the old fish market",
            Description: $"Entry {k}: a small room where the cook serves whatever the boats bring in that morning, with bread baked next door.")).ToList();
        var body = string.Join("<br><br>", entries.Select((e, k) => $"<b>No.{k + 1} <a href='https://example.org/{k}'>{e.Name}</a></b><br>{e.Description}"));

        var record = Extract.Html(Extract.Page($"<h1>The best small restaurants</h1><div class='content'><p>{body}</p></div>"));

        // Then every description is kept: the links are in the names, not in the descriptions
        Assert.All(entries, e => Assert.Contains(e.Description, record.Preview.Text, StringComparison.Ordinal));
    }
}
