using NewsIngest.Extraction.Dedup;

namespace NewsIngest.Extraction.Metadata;

/// <summary>Cleans page titles: " | MNI", " - Site Name" and similar suffixes come off.</summary>
internal static class Titles
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

    /// <summary>
    /// The title without a site suffix. Strict: only a suffix equal to the site name goes; loose: also any suffix of
    /// at most three words after a longer title.
    /// </summary>
    public static string? StripSiteSuffix(string? title, string? siteName, bool strict)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = title.Trim();
        var site = siteName is null ? null : TextNormalizer.Normalize(siteName);
        foreach (var separator in Separators)
        {
            var at = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var head = text[..at].Trim();
            var tail = text[(at + separator.Length)..].Trim();
            var tailWords = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var headWords = head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            var isSite = site is not null && (TextNormalizer.Normalize(tail) == site || site.Contains(TextNormalizer.Normalize(tail), StringComparison.Ordinal));
            if (isSite || (!strict && tailWords <= 3 && headWords >= 4))
            {
                return head;
            }
        }

        return text;
    }
}
