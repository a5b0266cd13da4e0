using System.Net;
using System.Text;

namespace NewsIngest.Ingestion.Discovery.Feeds;

/// <summary>Turns a feed's HTML-ish summary or title into short plain text for hints.</summary>
internal static class FeedText
{
    public static string? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A tag stripper, not an HTML parser: hints are for humans, and AngleSharp per item would cost more than
        // the rest of the parse.
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 16));
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        var plain = string.Join(' ', WebUtility.HtmlDecode(builder.ToString())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (plain.Length == 0)
        {
            return null;
        }

        return plain.Length <= maxLength ? plain : plain[..maxLength].TrimEnd() + "…";
    }
}
