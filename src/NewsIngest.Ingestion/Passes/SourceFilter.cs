using System.Text.RegularExpressions;
using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Passes;

/// <summary>
/// Applies a source's <see cref="SourceOptions.Include"/>, <see cref="SourceOptions.Exclude"/>,
/// <see cref="SourceOptions.MaxAge"/> and <see cref="SourceOptions.MaxItemsPerPass"/> to discovered URLs, and drops
/// repeats (several feeds listing one article).
/// </summary>
public static class SourceFilter
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<DiscoveredUrl> Apply(SourceOptions source, IEnumerable<DiscoveredUrl> urls, DateTimeOffset now)
    {
        var include = source.Include.Select(p => new Regex(p, RegexOptions.IgnoreCase, RegexTimeout)).ToList();
        var exclude = source.Exclude.Select(p => new Regex(p, RegexOptions.IgnoreCase, RegexTimeout)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<DiscoveredUrl>();
        foreach (var url in urls)
        {
            var text = url.Url.AbsoluteUri;
            if (!seen.Add(text)
                || (include.Count > 0 && !include.Any(r => r.IsMatch(text)))
                || exclude.Any(r => r.IsMatch(text))
                || (source.MaxAge is { } age && url.PublishedAt is { } published && now - published > age))
            {
                continue;
            }

            kept.Add(url);
        }

        // Newest first when cutting (stable: undated URLs keep their discovery order, after dated ones).
        return source.MaxItemsPerPass is { } max && kept.Count > max
            ? kept.OrderByDescending(u => u.PublishedAt ?? DateTimeOffset.MinValue).Take(max).ToList()
            : kept;
    }
}
