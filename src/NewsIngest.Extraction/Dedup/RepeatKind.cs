namespace NewsIngest.Extraction.Dedup;

/// <summary>What a block that repeats a kept one is, by where the two copies stand.</summary>
internal enum RepeatKind
{
    /// <summary>A copy of the same part of the page (a teaser shown twice, a hidden second body): the later goes.</summary>
    Copy,

    /// <summary>The same line said again on purpose (a recipe step in the same list): both stay.</summary>
    Legitimate,

    /// <summary>A summary bullet said first and the body's own paragraph after it: the bullet goes, the paragraph stays.</summary>
    BodyRestated,

    /// <summary>A standfirst or bullet that opens a longer body paragraph: the paragraph is the article and stays.</summary>
    BodyGoesOn,

    /// <summary>A paragraph equal to the standfirst: it goes, but it is no teaser copy and nothing after it goes.</summary>
    Restatement,
}
