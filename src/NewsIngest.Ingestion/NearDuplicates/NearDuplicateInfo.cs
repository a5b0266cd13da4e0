using NewsIngest.Extraction.Similarity;

namespace NewsIngest.Ingestion.NearDuplicates;

/// <summary>
/// A stored record's <c>nearDuplicate</c>: <see cref="Of"/> is the id of the earliest record of its cluster;
/// <see cref="Relation"/> and <see cref="Similarity"/> compare it with the closest earlier record found.
/// </summary>
public sealed record NearDuplicateInfo(string Of, NearDuplicateRelation Relation, double Similarity)
{
    /// <summary>The relation as records spell it.</summary>
    public string RelationName => Relation switch
    {
        NearDuplicateRelation.SameText => "same-text",
        NearDuplicateRelation.NearDuplicate => "near-duplicate",
        NearDuplicateRelation.PreviewOf => "preview-of",
        _ => "syndicated",
    };
}
