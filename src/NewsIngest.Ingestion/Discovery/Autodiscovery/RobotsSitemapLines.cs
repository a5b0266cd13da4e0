namespace NewsIngest.Ingestion.Discovery.Autodiscovery;

/// <summary>Reads the <c>Sitemap:</c> lines of a robots.txt (they apply to every user agent group).</summary>
public static class RobotsSitemapLines
{
    /// <summary>Absolute sitemap URLs listed in <paramref name="robotsTxt"/>, in file order, without duplicates.</summary>
    public static IReadOnlyList<Uri> Read(string robotsTxt, Uri robotsUrl)
    {
        var sitemaps = new List<Uri>();
        foreach (var raw in robotsTxt.AsSpan().EnumerateLines())
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            line = line.Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0 || !line[..colon].Trim().Equals("sitemap", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (UrlCanonicalizer.TryCanonicalize(line[(colon + 1)..].Trim().ToString(), robotsUrl) is { } url
                && !sitemaps.Contains(url))
            {
                sitemaps.Add(url);
            }
        }

        return sitemaps;
    }
}
