using AngleSharp.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>What one element says about the text inside it, read once when the walker enters it.</summary>
internal readonly record struct ElementTraits(string? Hidden, string? Chrome, string? Wall, bool Interactive, bool Gated)
{
    private static readonly string[] StateTokenPrefixes = ["has-", "with-", "no-", "show-", "enable-", "page-", "template-", "layout-", "js-"];

    public static ElementTraits Read(IElement element, string tag, HashSet<string> hiddenClasses, bool insideArticle)
    {
        var attributes = ClassAndId(element);
        return new ElementTraits(
            HiddenReason(element, tag, attributes, hiddenClasses),
            ChromeReason(element, tag, attributes, insideArticle),
            WallReason(element, tag, attributes),
            tag is "form" or "button" or "select" or "label" or "input" or "textarea" or "fieldset",
            IsGated(element));
    }

    private static string ClassAndId(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (cls is null && id is null)
        {
            return "";
        }

        return (cls is null ? id! : id is null ? cls : cls + " " + id).ToLowerInvariant();
    }

    private static string? HiddenReason(IElement element, string tag, string attributes, HashSet<string> hiddenClasses)
    {
        if (tag is "noscript" or "template")
        {
            return tag;
        }

        if (element.HasAttribute("hidden"))
        {
            return "[hidden]";
        }

        if (element.GetAttribute("aria-hidden") is { } aria && aria.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return "[aria-hidden]";
        }

        if (element.GetAttribute("style") is { } style && HidesByStyle(style))
        {
            return "style:display-none";
        }

        if (attributes.Length == 0)
        {
            return null;
        }

        // Utility CSS ("hidden md:block") hides on small screens only.
        if (ElementVocabulary.Hidden.FirstMatch(attributes) is { } word && !attributes.Contains(":block", StringComparison.Ordinal)
            && !attributes.Contains(":flex", StringComparison.Ordinal) && !attributes.Contains(":grid", StringComparison.Ordinal)
            && !attributes.Contains(":inline", StringComparison.Ordinal))
        {
            return "." + word;
        }

        if (hiddenClasses.Count > 0 && element.GetAttribute("class") is { } cls)
        {
            foreach (var token in cls.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (hiddenClasses.Contains(token))
                {
                    return "css:." + token;
                }
            }
        }

        return null;
    }

    /// <summary>True for inline <c>display:none</c> or <c>visibility:hidden</c>, however spaced or cased.</summary>
    public static bool HidesByStyle(string style)
    {
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

    private static string? ChromeReason(IElement element, string tag, string attributes, bool insideArticle)
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

        if (element.GetAttribute("role") is { } role)
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

        if (attributes.Length == 0 || ElementVocabulary.BodyContainer.FirstMatch(attributes) is not null)
        {
            return null;
        }

        var word = ElementVocabulary.Chrome.FirstMatch(WithoutStateTokens(attributes));
        return word is null ? null : "." + word;
    }

    private static string WithoutStateTokens(string attributes)
    {
        if (!StateTokenPrefixes.Any(p => attributes.Contains(p, StringComparison.Ordinal)))
        {
            return attributes;
        }

        return string.Join(' ', attributes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !StateTokenPrefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal))));
    }

    private static string? WallReason(IElement element, string tag, string attributes)
    {
        if (tag == "dialog" || element.GetAttribute("aria-modal") == "true")
        {
            return "dialog";
        }

        if (element.GetAttribute("role") is "dialog" or "alertdialog")
        {
            return "[role=dialog]";
        }

        if (element.GetAttribute("subscriptions-section") is { } section
            && !section.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            return "[subscriptions-section=" + section + "]";
        }

        if (element.GetAttribute("amp-access") is { } access && access.Contains("NOT", StringComparison.Ordinal))
        {
            return "[amp-access=NOT]";
        }

        // A page or article wrapper flagged "paywall-on" holds the article; it is not the wall's prompt.
        if (attributes.Length == 0 || tag is "body" or "html" or "main" or "article")
        {
            return null;
        }

        var word = ElementVocabulary.Wall.FirstMatch(attributes);
        return word is null ? null : "." + word;
    }

    private static bool IsGated(IElement element) =>
        element.GetAttribute("subscriptions-section") is { } section
        && section.Equals("content", StringComparison.OrdinalIgnoreCase);
}
