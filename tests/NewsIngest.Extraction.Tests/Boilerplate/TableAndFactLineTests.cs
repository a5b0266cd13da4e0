using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>Tables and short structured lines in the body are article text: one line per row, fact lines, code.</summary>
public sealed class TableAndFactLineTests
{
    private const string Lead = "The league table after the tenth round shows the home side two points clear, with the visitors close behind after a run of four wins.";
    private const string After = "The next round is played on Saturday, and the two leaders meet in the capital in what the coach called the game of the season.";

    private static string Row(params string[] cells) => "<tr>" + string.Concat(cells.Select(c => $"<td>{c}</td>")) + "</tr>";

    [Fact]
    public void A_standings_table_gives_one_line_per_row_with_its_cells_joined()
    {
        var page = Extract.Page(
            $"<article><h1>Standings</h1><p>{Lead}</p><table><tr><th>Team</th><th>Played</th><th>Points</th></tr>"
            + Row("Harbour FC", "10", "24") + Row("River United", "10", "22") + Row("Hill Rovers", "10", "19")
            + $"</table><p>{After}</p></article>");

        var record = Extract.Html(page);

        Assert.Equal(
            [Lead, "Team | Played | Points", "Harbour FC | 10 | 24", "River United | 10 | 22", "Hill Rovers | 10 | 19", After],
            record.PreviewTexts());
    }

    [Fact]
    public void A_table_framed_by_a_figure_is_content_and_only_its_caption_is_a_caption()
    {
        // Given a block editor's table: <figure><table>…</table><figcaption>…</figcaption></figure>.
        var page = Extract.Page(
            $"<article><h1>Prices</h1><p>{Lead}</p><figure class='table-block'><table>"
            + Row("<p>Basic plan</p>", "<p>$7 per month</p>") + Row("<p>Team plan</p>", "<p>$12 per month</p>")
            + $"</table><figcaption>Prices as of May</figcaption></figure><p>{After}</p></article>");

        var record = Extract.Html(page);

        Assert.Equal([Lead, "Basic plan", "$7 per month", "Team plan", "$12 per month", After], record.PreviewTexts());
    }

    [Fact]
    public void Short_label_and_value_lines_in_the_body_stay()
    {
        var page = Extract.Page(
            $"<article><h1>Grants</h1><p>{Lead}</p><h3>The harbour grant</h3><p><strong>Deadline: Varies by year</strong></p>"
            + $"<p><strong>Awards: Varies</strong></p><p>{After}</p></article>");

        var record = Extract.Html(page);

        Assert.Equal([Lead, "The harbour grant", "Deadline: Varies by year", "Awards: Varies", After], record.PreviewTexts());
    }

    [Fact]
    public void Lines_of_a_code_block_stay()
    {
        var page = Extract.Page(
            $"<article><h1>Schema</h1><p>{Lead}</p><pre><code><div>type Planet implements Node {{</div><div>  id: ID!</div>"
            + $"<div>}}</div></code></pre><p>{After}</p></article>");

        var record = Extract.Html(page);

        Assert.Equal([Lead, "type Planet implements Node {", "id: ID!", "}", After], record.PreviewTexts());
    }

    [Fact]
    public void A_short_label_in_the_body_and_a_label_line_after_it_are_still_dropped()
    {
        var record = Extract.Html(Extract.Page(
            $"<article><h1>Standings</h1><p>{Lead}</p><p>PDF</p><p>{After}</p><p>Topics: Harbour League</p></article>"));

        Assert.Equal([Lead, After], record.PreviewTexts());
    }
}
