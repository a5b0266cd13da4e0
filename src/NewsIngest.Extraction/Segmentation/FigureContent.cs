using AngleSharp.Dom;

namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// What a <c>&lt;figure&gt;</c> frames. Editors wrap tables in figures (a block editor's table block is
/// <c>&lt;figure&gt;&lt;table&gt;</c>): such a figure frames the article's own content, not a picture, so it is no
/// caption to drop; its <c>&lt;figcaption&gt;</c> still is.
/// </summary>
internal static class FigureContent
{
    public static bool FramesTable(IElement figure) => figure.GetElementsByTagName("table").Length > 0;
}
