using System.Collections.Frozen;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>Which tags start a new block, which are skipped with their content, which are line breaks.</summary>
internal static class BlockTags
{
    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.Ordinal,
    [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol", "dl", "dt",
        "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead",
        "tfoot", "figure", "figcaption", "form", "fieldset", "address", "details", "summary", "dialog", "center",
        "body", "legend", "caption", "noscript", "menu", "hgroup", "button", "hr", "option", "label", "picture",
    ]);

    private static readonly FrozenSet<string> Skipped = FrozenSet.Create(StringComparer.Ordinal,
    [
        "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "select", "textarea", "input", "img", "map", "head", "link", "meta", "source", "track", "param", "wbr",
    ]);

    public static bool IsBlock(string tag) => Blocks.Contains(tag);

    public static bool IsSkipped(string tag) => Skipped.Contains(tag);

    public static int HeadingLevel(string tag) =>
        tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;
}
