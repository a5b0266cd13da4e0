using System.Globalization;
using System.Text;

namespace NewsIngest.Tests.Shared;

/// <summary>
/// A made-up news site for the site-template tests (linked into the test projects and the benchmarks): every page
/// carries the same marketing block, sign-up box, footer written as paragraphs and a standing disclaimer at the end of
/// the article, around a body of its own. Deterministic: page <c>i</c> of a host is always the same page.
/// </summary>
internal sealed class GeneratedSite(string host, string name = "Harbour Times")
{
    private static readonly string[] Words =
    [
        "council", "harbour", "river", "budget", "ferry", "school", "museum", "bridge", "market", "station", "mayor",
        "workers", "festival", "library", "tenants", "voters", "engineers", "farmers", "drivers", "pupils", "nurses",
        "approved", "rejected", "delayed", "opened", "closed", "expanded", "repaired", "funded", "inspected", "planned",
        "quietly", "sharply", "again", "finally", "briefly", "locally", "slowly", "early", "late", "twice",
        "north", "south", "coastal", "inland", "historic", "modern", "wooden", "electric", "public", "private",
    ];

    public string Host { get; } = host;

    public string Name { get; } = name;

    /// <summary>The template's blocks as a reader sees them.</summary>
    public string MarketingHeading => $"Why {Name}";

    public string Marketing =>
        $"{Name} is the leading provider of harbour and shipping news on the coast. Our head office is in Portsmouth and our reporters cover every port from Dover to Falmouth.";

    public string SignUp =>
        $"Get the {Name} morning briefing in your inbox every weekday: the stories that matter to the coast, before your first coffee.";

    public string[] Footer =>
    [
        $"{Name} Limited is registered in England and Wales under company number 04412345, with its registered office at 12 Quay Street, Portsmouth.",
        $"All content on this site is the copyright of {Name} Limited and may not be reproduced, distributed or stored without our written permission.",
    ];

    public string Disclaimer =>
        $"This article is provided by {Name} for information only and does not constitute financial, legal or investment advice of any kind.";

    /// <summary>Every template block of a page.</summary>
    public IEnumerable<string> TemplateTexts => [MarketingHeading, Marketing, SignUp, .. Footer, Disclaimer];

    public Uri Url(int page) => new($"https://{Host}/news/story-{page}");

    public string Headline(int page) => $"Story {Words[page % Words.Length]} {page} of {Host}";

    /// <summary>The page's own paragraphs: unique to it, none shared with another page of any host.</summary>
    public IReadOnlyList<string> Body(int page)
    {
        var random = new Random(HashCode(Host) ^ (page * 7919));
        var paragraphs = new List<string>();
        for (var p = 0; p < 4 + (page % 3); p++)
        {
            var text = new StringBuilder($"Paragraph {p + 1} of story {page}:");
            for (var w = 0; w < 28 + random.Next(20); w++)
            {
                text.Append(' ').Append(Words[random.Next(Words.Length)]);
            }

            paragraphs.Add(text.Append('.').ToString());
        }

        return paragraphs;
    }

    /// <summary>Page <paramref name="page"/> of the site as HTML.</summary>
    public string Page(int page)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{Headline(page)} | {Name}</title>
            <link rel="canonical" href="{Url(page)}"></head><body>
            <header><a href="/">{Name}</a></header>
            <main><article><h1>{Headline(page)}</h1>
            """);
        foreach (var paragraph in Body(page))
        {
            html.Append("<p>").Append(paragraph).Append("</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            <p><em>{Disclaimer}</em></p>
            <div class="box"><h3>{MarketingHeading}</h3><p>{Marketing}</p></div>
            <div class="box"><p>{SignUp}</p></div>
            </article></main>
            <div class="site-info"><p>{Footer[0]}</p><p>{Footer[1]}</p></div>
            </body></html>
            """);
        return html.ToString();
    }

    private static int HashCode(string text)
    {
        // string.GetHashCode is randomised per process; the page must be the same in every run.
        var hash = 17;
        foreach (var c in text)
        {
            hash = (hash * 31) + c;
        }

        return hash;
    }
}
