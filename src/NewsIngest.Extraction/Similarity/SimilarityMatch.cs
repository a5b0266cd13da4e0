namespace NewsIngest.Extraction.Similarity;

/// <summary>A confirmed match: the relation and its measure (1 for same text, containment for a preview, else Jaccard).</summary>
public readonly record struct SimilarityMatch(NearDuplicateRelation Relation, double Similarity);
