namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>News article pages written for these tests: site chrome, a headline, a teaser, and optionally a wall.</summary>
internal static class ArticlePage
{
    /// <summary>An article at <paramref name="canonicalUrl"/> whose first paragraph is <paramref name="teaser"/>.</summary>
    public static string Html(string canonicalUrl, string headline, string teaser, bool paywalled = false) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{headline} | Loopback Times</title>
        <link rel="canonical" href="{canonicalUrl}">
        <meta property="og:site_name" content="Loopback Times">
        <meta property="article:published_time" content="2026-11-20T09:00:00Z">
        </head><body>
        <header><nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/politics">Politics</a></nav></header>
        <main><article>
        <h1>{headline}</h1>
        <p class="byline">By Test Reporter</p>
        <p>{teaser}</p>
        <p>Analysts said the move had been expected for weeks, although the timing surprised several traders on the desk.</p>
        {(paywalled
            ? """<div class="paywall"><h2>To read the full story</h2><p>Subscribe to Loopback Times for unlimited access.</p></div>"""
            : "<p>The committee will meet again next month, when officials expect to publish a fuller assessment of the data.</p>")}
        </article></main>
        <footer><p>© Loopback Times</p></footer>
        </body></html>
        """;
}
