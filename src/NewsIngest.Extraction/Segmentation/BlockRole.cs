namespace NewsIngest.Extraction.Segmentation;

/// <summary>What a block turned out to be. Only <see cref="Content"/> blocks reach the preview.</summary>
internal enum BlockRole
{
    /// <summary>Not classified yet; candidates for the preview.</summary>
    Candidate,

    /// <summary>Part of the free, visible article text.</summary>
    Content,

    /// <summary>The headline, shown in the record's <c>headline</c>.</summary>
    Headline,

    /// <summary>The standfirst, shown in the record's <c>dek</c>.</summary>
    Dek,

    /// <summary>Metadata shown as text: kicker, dateline, byline, "N words" counters.</summary>
    Data,

    /// <summary>Navigation, chrome, calls to action, marketing.</summary>
    Boilerplate,

    /// <summary>Text an anonymous reader does not see.</summary>
    Hidden,

    /// <summary>The wall, or anything after it.</summary>
    Wall,

    /// <summary>A repeat of a block already kept.</summary>
    Duplicate,

    /// <summary>A block of the site's template (<see cref="Templates.SiteTemplate"/>), outside the article's text.</summary>
    Template,
}
