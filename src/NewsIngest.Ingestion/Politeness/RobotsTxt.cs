namespace NewsIngest.Ingestion.Politeness;

/// <summary>
/// A parsed robots.txt (RFC 9309): which paths a crawler may fetch, its Crawl-delay and the Sitemap lines.
/// Immutable and thread-safe. Parse with <see cref="Parse"/>.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<RobotsGroup> _groups;
    private readonly bool _disallowAll;

    private RobotsTxt(IReadOnlyList<RobotsGroup> groups, IReadOnlyList<Uri> sitemaps, bool disallowAll)
    {
        _groups = groups;
        Sitemaps = sitemaps;
        _disallowAll = disallowAll;
    }

    /// <summary>No robots.txt (e.g. a 4xx): everything is allowed.</summary>
    public static RobotsTxt AllowAll { get; } = new([], [], disallowAll: false);

    /// <summary>robots.txt unreachable (5xx, network error): nothing is allowed.</summary>
    public static RobotsTxt DisallowAll { get; } = new([], [], disallowAll: true);

    /// <summary>The absolute sitemap URLs named by <c>Sitemap:</c> lines, in file order, without duplicates.</summary>
    public IReadOnlyList<Uri> Sitemaps { get; }

    /// <summary>Parses robots.txt text; never throws. <paramref name="robotsUri"/> resolves relative Sitemap lines.</summary>
    public static RobotsTxt Parse(string content, Uri? robotsUri = null)
    {
        var (groups, sitemaps) = RobotsTxtParser.Parse(content, robotsUri);
        return new RobotsTxt(groups, sitemaps, disallowAll: false);
    }

    /// <summary>
    /// Whether <paramref name="productToken"/> (e.g. <c>NewsIngest</c>) may fetch <paramref name="pathAndQuery"/>:
    /// the longest matching rule of the agent's groups (or the <c>*</c> groups) wins and Allow wins a tie.
    /// </summary>
    public bool IsAllowed(string productToken, string pathAndQuery)
    {
        if (_disallowAll)
        {
            return false;
        }

        var path = RobotsPath.Normalize(pathAndQuery.Length == 0 ? "/" : pathAndQuery);
        if (path == "/robots.txt")
        {
            return true; // RFC 9309 §2.2.2: robots.txt itself is always allowed
        }

        RobotsRule? best = null;
        foreach (var rule in SelectGroups(productToken).SelectMany(g => g.Rules))
        {
            if (!RobotsPath.Matches(rule.Pattern, path))
            {
                continue;
            }

            if (best is null || rule.Specificity > best.Specificity
                || (rule.Specificity == best.Specificity && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    /// <summary>The Crawl-delay that applies to <paramref name="productToken"/> (the largest of its groups), if any.</summary>
    public TimeSpan? GetCrawlDelay(string productToken) =>
        SelectGroups(productToken).Select(g => g.CrawlDelay).Where(d => d is not null).Max();

    /// <summary>The groups naming the product token (merged, RFC 9309 §2.2.1), else the <c>*</c> groups.</summary>
    private List<RobotsGroup> SelectGroups(string productToken)
    {
        var named = _groups.Where(g => g.Agents.Any(a => AgentMatches(a, productToken))).ToList();
        return named.Count > 0 ? named : [.. _groups.Where(g => g.Agents.Any(a => a == "*"))];
    }

    /// <summary>Compares the product token of a user-agent line (letters, '_' and '-') case-insensitively.</summary>
    private static bool AgentMatches(string agentLine, string productToken)
    {
        var end = 0;
        while (end < agentLine.Length && (char.IsAsciiLetter(agentLine[end]) || agentLine[end] is '_' or '-'))
        {
            end++;
        }

        return end > 0 && agentLine.AsSpan(0, end).Equals(productToken, StringComparison.OrdinalIgnoreCase);
    }
}
