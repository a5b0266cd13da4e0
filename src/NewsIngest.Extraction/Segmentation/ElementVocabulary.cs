namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The class/id vocabulary that says what a container is: page chrome, hidden, a wall or gate, or article body.
/// Data, not code paths: publisher knowledge lives in these lists (see research/paywall-markup.md §2.2–2.3).
/// </summary>
internal static class ElementVocabulary
{
    /// <summary>Navigation, promotion, social and meta chrome around the article.</summary>
    public static TokenSet Chrome { get; } = new(
        exact:
        [
            "nav", "navbar", "navigation", "menu", "menus", "megamenu", "submenu", "breadcrumb", "breadcrumbs",
            "footer", "sidebar", "sidebars", "share", "sharing", "sharebar", "social", "socials", "related",
            "recommended", "recommendations", "recirc", "recirculation", "promo", "promos", "advert", "adverts",
            "advertisement", "ads", "ad", "adslot", "adunit", "sponsor", "sponsored", "newsletter", "newsletters",
            "signup", "cookie", "cookies", "consent", "gdpr", "cmp", "comments", "comment", "disqus", "toolbar", "tags",
            "tagcloud", "pagination", "pager", "masthead", "topbar", "outbrain", "taboola", "trending", "popular",
            "mostread", "most-read", "author-bio", "bio", "rating", "ratings", "print", "login", "search", "jobs",
            "teasers", "carousel", "banner", "byline", "dateline", "meta", "metadata", "timestamp", "credits",
            "copyright", "legal", "disclaimer", "subnav", "hamburger", "offcanvas", "dropdown", "follow", "author",
            "authors", "caption", "credit", "skip-link", "skiplink", "share-links", "links", "reco", "recoteaser",
        ],
        leading:
        [
            "nav", "navbar", "menu", "footer", "sidebar", "breadcrumb", "breadcrumbs", "social", "share", "sharing",
            "related", "comments", "comment", "cookie", "newsletter", "promo", "ad", "ads", "advert", "sponsored",
            "outbrain", "taboola", "recirc", "trending", "byline", "author", "masthead", "subnav", "skip", "meta",
        ],
        prefixes: ["cookie", "newsletter", "breadcrumb", "advert", "sponsor", "outbrain", "taboola", "recommend"],
        infixes: ["cookiebanner", "cookieconsent", "newsletter"]);

    /// <summary>
    /// Whole class names that hide an element from the reader. Whole names only: <c>overflow-hidden</c> and
    /// <c>hidden-xs</c> hide nothing on a desktop page.
    /// </summary>
    public static TokenSet Hidden { get; } = new(
        exact:
        [
            "hidden", "hide", "d-none", "dnone", "sr-only", "sronly", "invisible", "offscreen", "visuallyhidden",
            "visually-hidden", "is-hidden", "js-hidden", "u-hidden", "is-hide", "screen-reader-text", "screenreader",
            "nodisplay", "display-none", "element-invisible", "hidden-all", "show-for-sr", "a11y-hidden",
        ],
        wholeTokensOnly: true);

    /// <summary>Walls, gates, registration prompts and vendor overlays (Piano, Zephr, Poool, Cxense...).</summary>
    public static TokenSet Wall { get; } = new(
        exact:
        [
            "regwall", "paywalled", "paywall", "barrier", "gate", "gated", "locked", "premium", "zephr", "poool",
            "piano", "restricted", "subscriber", "subscribers", "subscription", "subscribe", "truncated", "offer",
            "offers", "meter", "loginwall", "emailwall", "apron", "takeover", "roadblock",
        ],
        leading: ["paywall", "regwall", "piano", "tp", "zephr", "poool", "cx", "cxense", "premium", "subscription", "subscribe", "modal", "overlay", "fortress", "storefront", "barrier"],
        prefixes: ["paywall", "regwall", "piano", "zephr", "poool"],
        infixes: ["paywall", "regwall", "loginwall", "emailwall", "meteredcontent", "contentlock", "paidbarrier", "registerwall"]);

    /// <summary>Class words of the article body container.</summary>
    public static TokenSet Body { get; } = new(
        exact:
        [
            "article", "articlebody", "article-body", "body", "content", "entry", "main", "post", "story", "text",
            "prose", "richtext", "storybody", "post-content", "entry-content", "article-content", "maincontent",
            "blog", "single", "artikel", "inhalt", "texte", "contenu", "cuerpo", "testo", "article-text", "body-text",
        ],
        leading: ["article", "content", "entry", "post", "story", "main", "articlebody", "storybody"]);

    /// <summary>Whole class names of article containers: these are never chrome, whatever else they carry.</summary>
    public static TokenSet BodyContainer { get; } = new(
        exact:
        [
            "articlebody", "article-body", "article__body", "storybody", "story-body", "post-content", "entry-content",
            "article-content", "maincontent", "main-content", "article-text", "body-text", "post-body", "entry-body",
            "content", "article", "main", "story",
        ]);

    /// <summary>Class words of page parts that are rarely article text.</summary>
    public static TokenSet Negative { get; } = new(
        exact:
        [
            "comment", "comments", "footer", "footnote", "sidebar", "widget", "related", "share", "social", "nav",
            "menu", "promo", "ad", "ads", "advert", "sponsor", "banner", "combx", "contact", "masthead", "media",
            "meta", "outbrain", "pagination", "popup", "shoutbox", "taboola", "tags", "tool", "teaser", "cookie",
            "newsletter", "recommended", "more", "list", "card", "cards", "header", "byline", "author",
        ],
        leading: ["comment", "comments", "sidebar", "footer", "social", "share", "related", "advert", "sponsor", "widget", "teaser", "recommend"]);
}
