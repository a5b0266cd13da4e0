namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// Decides whether a text matches an earlier one, and how. In order: texts of fewer than <see cref="MinWords"/> words
/// match only when their words are the same; the shorter text contained at
/// <see cref="PreviewContainment"/> or more in a text at least a tenth longer is <c>preview-of</c>; the same words are
/// <c>same-text</c>; a Jaccard similarity at <see cref="NearDuplicateJaccard"/> or more is <c>near-duplicate</c>. Then a
/// same-text or near-duplicate match across sites is <c>syndicated</c>; <c>preview-of</c> stays, across sites too,
/// since that a text is partial matters more to its reader than where the other copy is.
/// </summary>
public sealed record RelationRule
{
    /// <summary>The rule records are annotated with (thresholds measured in the near-duplicate evaluation).</summary>
    public static RelationRule Default { get; } = new();

    /// <summary>Texts shorter than this match exactly only (their shingle sets are too small to measure).</summary>
    public int MinWords { get; init; } = 40;

    public double NearDuplicateJaccard { get; init; } = 0.25;

    public double PreviewContainment { get; init; } = 0.9;

    /// <summary>A preview has at most this share of the longer text's shingles (else the two are near-duplicates).</summary>
    public double PreviewMaxLength { get; init; } = 0.9;

    /// <summary>The match of <paramref name="text"/> (on site <paramref name="site"/>) with an earlier text, or null.</summary>
    public SimilarityMatch? Decide(TextProfile text, string? site, TextProfile earlier, string? earlierSite)
    {
        var relation = Relate(text, earlier);
        if (relation is not { } match)
        {
            return null;
        }

        var crossSite = !string.Equals(site, earlierSite, StringComparison.OrdinalIgnoreCase);
        return crossSite && match.Relation is NearDuplicateRelation.SameText or NearDuplicateRelation.NearDuplicate
            ? match with { Relation = NearDuplicateRelation.Syndicated }
            : match;
    }

    private SimilarityMatch? Relate(TextProfile a, TextProfile b)
    {
        var same = a.TextKey == b.TextKey && a.Words == b.Words;
        if (a.Words < MinWords || b.Words < MinWords)
        {
            return same && a.Words > 0 ? new SimilarityMatch(NearDuplicateRelation.SameText, 1) : null;
        }

        if (same)
        {
            return new SimilarityMatch(NearDuplicateRelation.SameText, 1);
        }

        var (shorter, longer) = a.Shingles.Length <= b.Shingles.Length ? (a.Shingles, b.Shingles) : (b.Shingles, a.Shingles);
        var common = SetSimilarity.IntersectionCount(shorter, longer);
        var containment = (double)common / shorter.Length;
        if (containment >= PreviewContainment && shorter.Length <= PreviewMaxLength * longer.Length)
        {
            return new SimilarityMatch(NearDuplicateRelation.PreviewOf, Math.Round(containment, 4));
        }

        var jaccard = (double)common / (shorter.Length + longer.Length - common);
        return jaccard >= NearDuplicateJaccard ? new SimilarityMatch(NearDuplicateRelation.NearDuplicate, Math.Round(jaccard, 4)) : null;
    }
}
