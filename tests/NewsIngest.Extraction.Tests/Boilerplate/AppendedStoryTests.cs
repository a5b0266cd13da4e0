using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Boilerplate;

/// <summary>Other stories appended after the body (a teaser list, the next story of an infinite scroll) are not this article.</summary>
public sealed class AppendedStoryTests
{
    private static readonly string[] Paragraphs =
    [
        "The harbour authority approved the new ferry timetable on Thursday after three months of talks with the island councils.",
        "From May the first boat will leave at six in the morning, an hour earlier than now, so that commuters reach the mainland early.",
        "Island shopkeepers had asked for a later last crossing as well, and the authority agreed to a trial of one extra evening boat on Fridays.",
        "The councils will review the timetable in the autumn, when the first figures on passenger numbers and fuel costs are in.",
    ];

    private static readonly (string Title, string Excerpt)[] Teasers =
    [
        ("Bridge repairs to close the causeway for a week", "Drivers will have to take the long road round the bay while crews replace the joints."),
        ("School on the north island gets a new roof", "The parents' association raised half of the money with a summer fair and a raffle."),
        ("Fishing quotas cut again for the coming season", "Skippers say the smaller boats will struggle to cover their costs next year."),
    ];

    private static string Body => string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"));

    [Fact]
    public void A_labelled_list_of_linked_headlines_with_unlinked_excerpts_after_the_body_is_not_preview()
    {
        var cards = string.Concat(Teasers.Select((t, i) => $"<div><h3><a href='/s{i}'>{t.Title}</a></h3><p>{t.Excerpt}</p></div>"));
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1>{Body}<h2>More from the islands</h2>{cards}</article></main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void Teaser_cards_without_a_label_are_not_preview_either()
    {
        var cards = string.Concat(Teasers.Select((t, i) => $"<li><h4><a href='/s{i}'>{t.Title}</a></h4><p>{t.Excerpt}</p></li>"));
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1><div class='body'>{Body}<ul>{cards}</ul></div></article></main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void The_next_story_of_an_infinite_scroll_with_its_own_headline_is_not_preview()
    {
        var next = "<article><h1><a href='/next'>Bridge repairs to close the causeway</a></h1>"
            + "<p>The causeway between the two largest islands will close for a week in March while crews replace its joints, the roads office said.</p>"
            + "<p>Drivers will have to take the long road round the bay, which adds about forty minutes to the trip, and buses will run every half hour.</p></article>";
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1>{Body}</article>{next}</main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts());
    }

    [Fact]
    public void Linked_subheadings_over_the_bodys_own_paragraphs_stay()
    {
        // Given a list article whose items are linked names over a paragraph each, straight in the body
        var items = string.Concat(Teasers.Select((t, i) => $"<h3><a href='/s{i}'>{t.Title}</a></h3><p>{t.Excerpt}</p>"));
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1>{Body}{items}</article></main>");

        var record = Extract.Html(page);

        Assert.Equal([.. Paragraphs, .. Teasers.Select(t => t.Excerpt)], record.PreviewTexts());
    }

    [Fact]
    public void Liveblog_posts_as_sibling_articles_with_lower_headings_stay()
    {
        var posts = string.Concat(Paragraphs.Select((p, i) => $"<article><h2>Update {i + 1}: the ferry plan</h2><p>{p}</p></article>"));
        var page = Extract.Page($"<main><h1>Ferry plan: live</h1>{posts}</main>");

        var record = Extract.Html(page);

        Assert.Equal(Paragraphs, record.PreviewTexts().Where(t => Paragraphs.Contains(t)));
    }

    [Fact]
    public void Read_more_cards_set_in_the_body_every_four_paragraphs_leave_all_twelve_paragraphs()
    {
        // Given one body container broken every four paragraphs by a card: a label, a linked headline and an excerpt
        var paragraphs = Enumerable.Range(1, 12).Select(i =>
            $"Paragraph {i} of the story: the harbour authority explained the new timetable to residents, who asked about fares and the evening boats.").ToArray();
        var body = string.Concat(paragraphs.Select((p, i) => $"<p>{p}</p>"
            + (i % 4 == 3 && i < 11 ? $"<div class='card'><span>Read more</span><h4><a href='/s{i}'>{Teasers[i / 4].Title}</a></h4><p>{Teasers[i / 4].Excerpt}</p></div>" : "")));
        var page = Extract.Page($"<main><article><h1>Ferry plan approved</h1><div class='text'>{body}</div></article></main>");

        var record = Extract.Html(page);

        Assert.Equal(paragraphs, record.PreviewTexts());
    }
}
