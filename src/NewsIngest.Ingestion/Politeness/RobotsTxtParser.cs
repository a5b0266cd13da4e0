using System.Globalization;

namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// Reads robots.txt text into groups (RFC 9309 §2.1–2.2): consecutive user-agent lines share a group; rules before
/// any user-agent line and lines that are not <c>key: value</c> are ignored; Sitemap lines are global.
/// </summary>
internal static class RobotsTxtParser
{
    public static (List<RobotsGroup> Groups, List<Uri> Sitemaps) Parse(string content, Uri? baseUri)
    {
        var groups = new List<RobotsGroup>();
        var sitemaps = new List<Uri>();
        RobotsGroup? current = null;
        var lastWasAgent = false;

        foreach (var rawLine in content.TrimStart('\uFEFF').Split(['\r', '\n']))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue; // blank, comment-only or malformed: RFC 9309 says skip it
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = new RobotsGroup();
                        groups.Add(current);
                    }

                    current.Agents.Add(value);
                    lastWasAgent = true;
                    continue;
                case "allow" or "disallow" or "dissallow" or "disalow" when current is not null:
                    // An empty Disallow allows everything; it adds no rule (nor does an empty Allow).
                    if (value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(key == "allow", RobotsPath.Normalize(value)));
                    }

                    break;
                case "crawl-delay" when current is not null:
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
                    {
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
                case "sitemap":
                    if (TryResolveSitemap(value, baseUri) is { } sitemap && !sitemaps.Contains(sitemap))
                    {
                        sitemaps.Add(sitemap);
                    }

                    continue; // a Sitemap line belongs to no group and does not close one
            }

            lastWasAgent = false;
        }

        return (groups, sitemaps);
    }

    private static Uri? TryResolveSitemap(string value, Uri? baseUri)
    {
        // The RFC wants absolute URLs; a relative one is resolved leniently against the robots.txt address.
        // (Checked first: on Unix "/sitemap.xml" would parse as an absolute file: URI.)
        if (value.StartsWith('/'))
        {
            return baseUri is not null && !value.StartsWith("//", StringComparison.Ordinal)
                && Uri.TryCreate(baseUri, value, out var relative) ? relative : null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute : null;
    }
}
