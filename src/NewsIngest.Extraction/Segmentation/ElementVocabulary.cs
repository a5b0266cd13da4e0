namespace NewsIngest.Extraction.Segmentation;

/// <summary>
/// The class/id vocabulary that says what a container is: page chrome, hidden, a wall or gate, or article body.
/// Data, not code paths: publisher knowledge lives in these lists (see research/paywall-markup.md §2.2–2.3).
/// </summary>
internal static class ElementVocabulary
{
    /// <summary>Navigation, promotion and social chrome around the article.</summary>
    public static TokenSet Chrome { get; } = new(
        exact:
        [
            "nav", "navbar", "navigation", "menu", "menus", "megamenu", "submenu", "breadcrumb", "breadcrumbs",
            "footer", "sidebar", "sidebars", "aside", "widget", "widgets", "share", "sharing", "sharebar", "social",
            "socials", "related", "recommended", "recommendations", "recirc", "recirculation", "promo", "promos",
            "advert", "adverts", "advertisement", "ads", "ad", "adslot", "adunit", "sponsor", "sponsored",
            "newsletter", "newsletters", "signup", "cookie", "cookies", "consent", "gdpr", "cmp", "comments",
            "comment", "disqus", "toolbar", "tags", "tagcloud", "tag", "pagination", "pager", "skip", "masthead",
            "topbar", "utility", "outbrain", "taboola", "trending", "popular", "mostread", "more", "moreon",
            "author-bio", "bio", "rating", "ratings", "print", "login", "search", "shop", "jobs", "teasers",
            "carousel", "slider", "banner", "byline", "dateline", "meta", "timestamp", "credits", "copyright",
            "legal", "disclaimer", "subnav", "header-nav", "hamburger", "offcanvas", "dropdown", "follow",
        ],
        prefixes: ["cookie", "newsletter", "breadcrumb", "sidebar", "advert", "sponsor", "outbrain", "taboola", "recommend", "comments", "social", "footer", "navbar", "consent", "gdpr", "share"],
        infixes: ["cookiebanner", "cookieconsent", "newsletter"]);

    /// <summary>Class words that hide an element from the reader.</summary>
    public static TokenSet Hidden { get; } = new(
        exact:
        [
            "hidden", "hide", "ishidden", "d-none", "dnone", "sr-only", "sronly", "invisible", "offscreen",
            "visuallyhidden", "screenreader", "screen-reader-text", "js-hidden", "u-hidden", "is-hidden", "nodisplay",
        ],
        prefixes: ["visually-hidden"]);

    /// <summary>Walls, gates, registration prompts and vendor overlays (Piano, Zephr, Poool, Cxense...).</summary>
    public static TokenSet Wall { get; } = new(
        exact:
        [
            "regwall", "paywalled", "paywall", "barrier", "gate", "gated", "locked", "lock", "premium", "zephr",
            "poool", "piano", "tp", "cxense", "cx", "snippet", "restricted", "subscriber", "subscribers",
            "subscription", "subscriptions", "subscribe", "truncated", "truncate", "offer", "offers", "meter",
            "metered", "plus", "abo", "abonnement", "abonnes", "wall", "loginwall", "emailwall", "piano-paywall",
            "modal", "overlay", "apron", "takeover", "roadblock", "fortress", "storefront",
        ],
        prefixes: ["paywall", "regwall", "premium", "piano", "zephr", "poool", "subscri", "restricted"],
        infixes: ["paywall", "regwall", "loginwall", "emailwall", "meteredcontent", "contentlock", "paidbarrier", "registerwall"]);

    /// <summary>Class words of the article body container.</summary>
    public static TokenSet Body { get; } = new(
        exact:
        [
            "article", "articlebody", "article-body", "body", "content", "entry", "main", "post", "story", "text",
            "prose", "richtext", "storybody", "post-content", "entry-content", "article-content", "maincontent",
            "blog", "page", "single", "description", "artikel", "inhalt", "texte", "contenu", "cuerpo", "testo",
        ],
        prefixes: ["articlebody", "storybody", "article", "story", "content", "entry", "post"]);

    /// <summary>Class words of page parts that are rarely article text.</summary>
    public static TokenSet Negative { get; } = new(
        exact:
        [
            "comment", "comments", "footer", "footnote", "sidebar", "widget", "related", "share", "social", "nav",
            "menu", "promo", "ad", "ads", "advert", "sponsor", "banner", "combx", "contact", "masthead", "media",
            "meta", "outbrain", "pagination", "popup", "shoutbox", "taboola", "tags", "tool", "teaser", "cookie",
            "newsletter", "recommended", "more", "list", "card", "cards", "header", "byline", "author",
        ],
        prefixes: ["comment", "sidebar", "footer", "social", "share", "related", "advert", "sponsor", "widget", "teaser", "recommend"]);
}
