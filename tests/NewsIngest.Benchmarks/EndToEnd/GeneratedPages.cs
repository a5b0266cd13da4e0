using System.Globalization;
using System.Text;

namespace NewsIngest.Benchmarks.EndToEnd;

/// <summary>
/// Deterministic article pages for the end-to-end benchmark: varied layouts (article/main/div bodies), navigation,
/// related-link lists, inline scripts and styles, JSON-LD, share bars and footers, 10–30 KB each; every fifth page
/// is paywalled (a wall block after the teaser). Generated, never copied from real sites.
/// </summary>
internal static class GeneratedPages
{
    private static readonly string[] Words =
        ("the central bank said inflation remained above target while growth slowed in the third quarter and officials " +
         "signalled that further tightening could not be ruled out markets reacted calmly as bond yields edged higher " +
         "traders expect a pause at the next meeting although several members argued for another increase energy prices " +
         "fell sharply wages rose faster than expected unemployment held steady housing activity cooled across regions " +
         "exporters warned about weaker demand from abroad the government promised support for households facing higher bills")
        .Split(' ');

    private static readonly string[] Sections = ["Markets", "Economy", "Politics", "Energy", "Technology", "World"];

    /// <summary>The page at <paramref name="path"/> on <paramref name="baseUrl"/>, number <paramref name="index"/>.</summary>
    public static string Page(string baseUrl, string path, int index)
    {
        var random = new Random(index);
        var section = Sections[index % Sections.Length];
        var headline = Sentence(random, 6, 11).TrimEnd('.');
        var paywalled = index % 5 == 0;
        var html = new StringBuilder(32 * 1024);
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{headline}} | Loopback Times</title>
            <link rel="canonical" href="{{baseUrl}}{{path}}"><meta property="og:site_name" content="Loopback Times">
            <meta property="article:section" content="{{section}}"><meta name="viewport" content="width=device-width">
            <style>.nav a{margin:0 4px}.promo{display:none}.share{float:right}</style>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"{{headline}}",
            "datePublished":"2026-11-{{1 + (index % 27):00}}T08:00:00Z","isAccessibleForFree":{{(paywalled ? "false" : "true")}},
            "author":{"@type":"Person","name":"Reporter {{index % 37}}"} }</script>
            <script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({"page":"{{path}}","section":"{{section}}","ts":{{index}}});</script>
            </head><body><header><div class="nav"><nav>
            """);
        for (var i = 0; i < 25 + random.Next(40); i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/{Sections[i % Sections.Length].ToLowerInvariant()}/{i}\">{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}</a> ");
        }

        html.Append("</nav></div><div class=\"promo\">Subscribe today and save 50%</div></header>");
        var (open, close) = (index % 3) switch
        {
            0 => ("<main><article class=\"story\">", "</article></main>"),
            1 => ("<div id=\"content\"><div class=\"article-body\">", "</div></div>"),
            _ => ("<main><div class=\"post\">", "</div></main>"),
        };
        html.Append(open).Append(CultureInfo.InvariantCulture, $"<p class=\"kicker\">{section}</p><h1>{headline}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"byline\">By Reporter {index % 37}</p><div class=\"share\"><a href=\"#\">Share</a> <a href=\"#\">Print</a></div>");
        var paragraphs = paywalled ? 2 + random.Next(3) : 8 + random.Next(14);
        for (var i = 0; i < paragraphs; i++)
        {
            html.Append("<p>").Append(Paragraph(random)).Append("</p>");
            if (i == 3 && random.Next(2) == 0)
            {
                html.Append("<ul>").Append("<li>").Append(Sentence(random, 8, 16)).Append("</li><li>").Append(Sentence(random, 8, 16)).Append("</li></ul>");
            }
        }

        if (paywalled)
        {
            html.Append("<div class=\"paywall\"><h2>To read the full story, subscribe</h2><p>Already a subscriber? Sign in.</p></div>");
        }

        html.Append(close).Append("<aside class=\"related\"><h3>Related</h3><ul>");
        for (var i = 0; i < 6 + random.Next(10); i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/a/{random.Next(100_000)}\">{Sentence(random, 5, 9)}</a></li>");
        }

        html.Append("</ul></aside><footer><p>© Loopback Times</p>");
        // Sites ship large inline script and footer menus; pad to the 10–30 KB of real article pages.
        var target = 10_240 + random.Next(20_480);
        while (html.Length < target)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"/topic/{random.Next(5000)}\">{Words[random.Next(Words.Length)]}</a> ");
            if (random.Next(8) == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<script>var cfg{random.Next(1000)}={{\"slot\":\"{Words[random.Next(Words.Length)]}\",\"sizes\":[[300,250],[728,90]]}};</script>");
            }
        }

        return html.Append("</footer></body></html>").ToString();
    }

    private static string Paragraph(Random random)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2 + random.Next(4); i++)
        {
            text.Append(Sentence(random, 10, 28)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private static string Sentence(Random random, int min, int max)
    {
        var count = min + random.Next(max - min);
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = Words[random.Next(Words.Length)];
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }
}
