namespace NewsIngest.Extraction;

/// <summary>One page to extract: its content, where it came from, and how to read it.</summary>
/// <param name="Content">The page's HTML or text, already decoded.</param>
/// <param name="Url">The page's address, when known; resolves relative links and seeds the record id.</param>
/// <param name="Format">How to read <paramref name="Content"/>.</param>
public sealed record PageInput(string Content, Uri? Url = null, InputFormat Format = InputFormat.Auto)
{
    /// <summary>
    /// The page's site template, when the caller keeps one: the extraction returns the page's sample for it
    /// (<see cref="ExtractionResult.TemplateSample"/>) and, once it is warm, takes its blocks out of the preview.
    /// Null (the default): no template stage at all.
    /// </summary>
    public Templates.SiteTemplate? SiteTemplate { get; init; }
}
