using System.Buffers;
using System.Text;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>What one element says about the text inside it, read once when the walker enters it.</summary>
internal readonly record struct ElementTraits(string? Hidden, string? Chrome, string? Wall, bool Interactive, bool Gated)
{
    public static ElementTraits Read(in ElementAttributes attributes, string tag, ClassVerdicts verdicts, bool insideArticle)
    {
        // Class and id words repeat across a page (2.8 uses per distinct value on news pages): judged once per page.
        var words = verdicts.For(attributes.Class, attributes.Id);
        return new ElementTraits(
            HiddenReason(attributes, tag, words),
            ChromeReason(attributes, tag, words, insideArticle),
            WallReason(attributes, tag, words),
            tag is "form" or "button" or "select" or "label" or "input" or "textarea" or "fieldset",
            IsGated(attributes));
    }

    /// <summary>The ASCII characters <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static readonly SearchValues<char> AsciiWhiteSpace =
        SearchValues.Create(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private static string? HiddenReason(in ElementAttributes attributes, string tag, ClassVerdict words)
    {
        if (tag is "noscript" or "template")
        {
            return tag;
        }

        if (attributes.HasHidden)
        {
            return "[hidden]";
        }

        if (attributes.AriaHidden is { } aria && aria.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return "[aria-hidden]";
        }

        if (attributes.Style is { } style && HidesByStyle(style))
        {
            return "style:display-none";
        }

        return words.Hidden;
    }

    /// <summary>True for inline <c>display:none</c> or <c>visibility:hidden</c>, however spaced or cased.</summary>
    public static bool HidesByStyle(ReadOnlySpan<char> style)
    {
        // Minified ASCII declarations have no white space to drop: compare in place, as the loop below would.
        if (style.Length <= 512 && Ascii.IsValid(style) && !style.ContainsAny(AsciiWhiteSpace))
        {
            return style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
        }

        Span<char> compact = stackalloc char[Math.Min(style.Length, 512)];
        var length = 0;
        foreach (var c in style)
        {
            if (length == compact.Length)
            {
                break;
            }

            if (!char.IsWhiteSpace(c))
            {
                compact[length++] = char.ToLowerInvariant(c);
            }
        }

        var text = compact[..length];
        return text.Contains("display:none", StringComparison.Ordinal)
            || text.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static string? ChromeReason(in ElementAttributes attributes, string tag, ClassVerdict words, bool insideArticle)
    {
        switch (tag)
        {
            case "nav" or "aside" or "menu":
                return tag;
            case "footer":
                return "footer";
            case "figcaption" or "figure":
                return "caption";
            case "header" when !insideArticle:
                return "header";
            case "body" or "html" or "main" or "article":
                return null;
        }

        if (attributes.Role is { } role)
        {
            switch (role.ToLowerInvariant())
            {
                case "navigation" or "banner" or "contentinfo" or "complementary" or "search" or "menu" or "menubar"
                    or "toolbar" or "tablist":
                    return "[role=" + role.ToLowerInvariant() + "]";
                case "main" or "article":
                    return null;
            }
        }

        return words.Chrome;
    }

    private static string? WallReason(in ElementAttributes attributes, string tag, ClassVerdict words)
    {
        if (tag == "dialog" || attributes.AriaModal == "true")
        {
            return "dialog";
        }

        if (attributes.Role is "dialog" or "alertdialog")
        {
            return "[role=dialog]";
        }

        if (attributes.SubscriptionsSection is { } section
            && !section.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            return "[subscriptions-section=" + section + "]";
        }

        if (attributes.AmpAccess is { } access && access.Contains("NOT", StringComparison.Ordinal))
        {
            return "[amp-access=NOT]";
        }

        // A page or article wrapper flagged "paywall-on" holds the article; it is not the wall's prompt.
        return tag is "body" or "html" or "main" or "article" ? null : words.Wall;
    }

    private static bool IsGated(in ElementAttributes attributes) =>
        attributes.SubscriptionsSection is { } section
        && section.Equals("content", StringComparison.OrdinalIgnoreCase);
}
