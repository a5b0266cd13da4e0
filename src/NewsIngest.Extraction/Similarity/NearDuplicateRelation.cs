namespace NewsIngest.Extraction.Similarity;

/// <summary>How a record's text relates to an earlier record's (serialized kebab-case: <c>same-text</c>, …).</summary>
public enum NearDuplicateRelation
{
    /// <summary>The same words in the same order, on the same host (punctuation, case and spacing aside).</summary>
    SameText,

    /// <summary>Most of the text is the same (Jaccard of word 5-grams at or above the threshold), same host.</summary>
    NearDuplicate,

    /// <summary>The shorter of the two texts is at least 90% contained in the longer one: a teaser and its full text.</summary>
    PreviewOf,

    /// <summary>The same or nearly the same text on another host.</summary>
    Syndicated,
}
