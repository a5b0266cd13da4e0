namespace NewsIngest.Extraction.Templates;

/// <summary>
/// What one page contributes to its site's template: the fingerprints of the blocks that were candidates for its
/// preview (before the template removed any), distinct and sorted. An extraction given a
/// <see cref="SiteTemplate"/> returns one in <see cref="ExtractionResult.TemplateSample"/>.
/// </summary>
/// <param name="PageKey">The page's identity in the window: its canonical URL (else its URL, else its path).</param>
/// <param name="ContentKey">
/// The page's content identity: pages with equal keys count once. By default a hash of <paramref name="Blocks"/>;
/// a caller that knows better (the near-duplicate cluster a page belongs to) passes that instead, so near-duplicate
/// copies of one story do not outvote the site's other pages.
/// </param>
/// <param name="Blocks">The block fingerprints: folded text hashed with the coarse DOM path as seed.</param>
public sealed record PageSample(string PageKey, string ContentKey, IReadOnlyList<ulong> Blocks);
