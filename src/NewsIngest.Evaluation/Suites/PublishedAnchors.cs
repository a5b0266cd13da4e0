namespace NewsIngest.Evaluation.Suites;

/// <summary>
/// The published figures for each corpus of <c>../shared/corpus</c> (its README and issue 9), by corpus folder name.
/// Only the trafilatura anchors were measured on the very same pages; the others come from the benchmark the corpus
/// was drawn from (<see cref="AnchorSet.MeasuredOn"/> says which pages), so they are a bearing, not a tie.
/// </summary>
public static class PublishedAnchors
{
    /// <summary>The system every corpus has a figure for, shown beside ours in the suite table.</summary>
    public const string Reference = "trafilatura";

    private static readonly Dictionary<string, AnchorSet> Sets = new(StringComparer.Ordinal)
    {
        ["trafilatura"] = new(
            "this corpus (trafilatura's benchmark, 990 pages), snippet F1",
            [
                new("trafilatura", 0.924), new("magic-html", 0.889), new("justext", 0.862), new("news-please", 0.836),
                new("readability-lxml", 0.826), new("goose3", 0.810), new("newspaper4k", 0.801), new("whole page", 0.667),
            ]),
        ["wcxb"] = new(
            "WCXB dev split (this corpus is from its test split), word F1",
            [new("rs-trafilatura", 0.932), new("trafilatura", 0.926), new("Readability", 0.825)]),
        ["fundus"] = new(
            "Fundus evaluation, 80 hand-extracted news pages (this corpus's reference is Fundus's own parsers), shingle F1",
            [new("Fundus parsers", 0.963), new("trafilatura", 0.940)]),
        ["readability"] = new(
            "Zyte article benchmark, 181 news pages (this corpus's reference is Readability.js's own output), shingle F1",
            [
                new("rs-trafilatura", 0.970), new("trafilatura", 0.958), new("newspaper4k", 0.949), new("news-please", 0.948),
                new("Readability.js", 0.947), new("readability-lxml", 0.922), new("goose3", 0.896), new("whole page", 0.665),
            ]),
    };

    /// <summary>The anchors of the corpus named <paramref name="corpus"/>, or null for a corpus with none.</summary>
    public static AnchorSet? For(string corpus) => Sets.GetValueOrDefault(corpus);
}

/// <summary>The published figures of one corpus, best first, and the pages they were measured on.</summary>
public sealed record AnchorSet(string MeasuredOn, IReadOnlyList<PublishedAnchor> Anchors)
{
    /// <summary>The figure of <see cref="PublishedAnchors.Reference"/>, or null.</summary>
    public double? ReferenceValue => Anchors.FirstOrDefault(a => a.System == PublishedAnchors.Reference)?.Value;
}
