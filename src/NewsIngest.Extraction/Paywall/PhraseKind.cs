namespace NewsIngest.Extraction.Paywall;

/// <summary>
/// What a lexicon phrase means. Only <see cref="Wall"/>, <see cref="Remaining"/>, <see cref="Login"/>,
/// <see cref="Meter"/> and <see cref="Trial"/> are article-wall evidence; the rest are boilerplate.
/// </summary>
internal enum PhraseKind
{
    /// <summary>The wall's own heading: "To read the full story", "この記事は会員限定です。".</summary>
    Wall,

    /// <summary>A share-remaining counter: "Il vous reste 57% de cet article à lire".</summary>
    Remaining,

    /// <summary>A login or registration prompt: "Already a subscriber? Sign in".</summary>
    Login,

    /// <summary>A meter notice: "You're almost out of free articles".</summary>
    Meter,

    /// <summary>A trial offer inside a wall: "Sign up now for free trial access to this content.".</summary>
    Trial,

    /// <summary>A gate on a feature, not on the article (comments, bookmarks): a trap, boilerplate.</summary>
    FeatureGate,

    /// <summary>A device-sharing (capping) modal: a trap, boilerplate.</summary>
    DeviceSharing,

    /// <summary>Self-promotion: "Why MNI", "... is the leading provider of ...".</summary>
    Marketing,

    /// <summary>Cookie and consent banners.</summary>
    Cookie,

    /// <summary>Newsletter pitches.</summary>
    Newsletter,
}
