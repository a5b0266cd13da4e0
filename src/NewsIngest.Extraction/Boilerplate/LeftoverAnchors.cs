using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The <see cref="LeftoverPatterns"/> that search a whole block, each gated by the literal words every match of it
/// holds (<see cref="GatedPattern"/>): most preview blocks are prose that holds none of them, and the pattern is not
/// run. Patterns anchored at the start of the line are cheap on their own and are not gated.
/// </summary>
/// <remarks>
/// A word is any part of a phrase the pattern requires, chosen to start with rare letters: the search checks every
/// place where a word's first three letters (or letters that share their bits) occur, so "sgabe" for "ausgabe" and
/// "utton" for "button" cost far less than "aus" and "but" would. Each pattern gets its own search: one search over
/// the words of all patterns was slower (more words share the search's few buckets), and a pattern whose block is too
/// long for it is not searched at all.
/// </remarks>
internal static class LeftoverAnchors
{
    // Read against Block.Text, ignoring case. "dit" stands for "crédit": the words of several letters are ASCII.
    public static GatedPattern Credit { get; } = new(
        LeftoverPatterns.Credit(),
        "©", "foto", "photo", "bild", "credit", "dit", "quelle", "source", "fuente", "image", "abbildung",
        "getty images", "istock", "shutterstock", "imago images", "alliance", "dpa", "afp", "reuters");

    public static GatedPattern Disclosure { get; } = new(
        LeftoverPatterns.Disclosure(),
        "affili", "provision", "commission", "compensation", "sponsored", "advertis", "werbung", "werbelink", "anzeige",
        "comisi", "afiliad", "partnerlink");

    public static GatedPattern ShareCall { get; } = new(
        LeftoverPatterns.ShareCall(), "teilen", "share", "partager", "compart", "condividi", "empfiehl", "empfehlen");

    public static GatedPattern AppPromotion { get; } = new(
        LeftoverPatterns.AppPromotion(),
        "to your phone", "to your mobile", "to your smartphone", "to your device", "download our", "herunterladen", "installieren", "charge");

    public static GatedPattern ChannelPlug { get; } = new(
        LeftoverPatterns.ChannelPlug(), "youtube", "instagram", "tiktok", "telegram", "whatsapp", "facebook");

    public static GatedPattern MembershipPitch { get; } = new(
        LeftoverPatterns.MembershipPitch(), "mitglied", "become a member", "exklusive angebote", "help us", "devenez membre", "hazte socio");

    public static GatedPattern DownloadLink { get; } = new(
        LeftoverPatterns.DownloadLink(), "pdf", "doc", "xls", "ppt", "zip", "mp3", "epub", "download");

    public static GatedPattern NewsletterCall { get; } = new(
        LeftoverPatterns.NewsletterCall(),
        "newsletter", "abonn", "subscri", "suscr", "inscr", "iscriv", "sign up", "anmelden", "enter your e", "your inbox", "posteingang");

    public static GatedPattern SupportCall { get; } = new(
        LeftoverPatterns.SupportCall(),
        "support", "donate", "make a donation", "become a", "unterst", "spenden", "hazte", "apoya", "faire un don", "soutenez", "wesprzyj");

    /// <summary>Gates the social call: a line without a network's name is none.</summary>
    public static GatedPattern SocialNetwork { get; } = new(
        LeftoverPatterns.SocialNetwork(),
        "twitter", "facebook", "instagram", "telegram", "whatsapp", "youtube", "linkedin", "tiktok", "pinterest", "mastodon");

    public static GatedPattern AppCall { get; } = new(LeftoverPatterns.AppCall(), "app", "google play", "ios", "android");

    public static GatedPattern Contact { get; } = new(
        LeftoverPatterns.Contact(),
        "@", "[at]", "tel", "phone", "fax", "e-mail", "kontakt", "contact us", "nous contacter", "ctenos", "ctanos", "to the editor", "leserbrief");

    public static GatedPattern Rights { get; } = new(
        LeftoverPatterns.Rights(),
        "copyright", "all rights reserved", "alle rechte vorbehalten", "tous droits r", "derechos reservados", "diritti riservati",
        "prawem autorskim", "lizenz", "licen", "suggested citation", "zitiervorschlag");

    // Read against Block.Normalized, which is lower-case already.
    public static GatedPattern Disclaimer { get; } = new(
        LeftoverPatterns.Disclaimer(),
        "sclaimer", "dvice", "tsberatung", "geberatung", "erberatung", "ohne gew", "ngagent", "mmission", "mpensation", "ependent review", "filiate");

    public static GatedPattern NewsletterSignUp { get; } = new(
        LeftoverPatterns.NewsletterSignUp(), "wsletter", "your e", "your inbox", "opt out", "nsubscribe at", "ffusion", "moment vous");

    public static GatedPattern ConsentPrompt { get; } = new(
        LeftoverPatterns.ConsentPrompt(),
        "akzeptiere", "ich stimme", "i accept", "i agree", "j'accepte", "cepto", "inhalt", "load the content", "nverst", "utton", "xtern");

    public static GatedPattern PublisherAppeal { get; } = new(
        LeftoverPatterns.PublisherAppeal(),
        "rely on", "journalism", "odismo", "rnalismo", "ancel", "suscripci", "unlimited", "jederzeit k", "sans engagement", "assine ",
        "bezahlschranke", "aywall", "przyj", "zapraszamy");

    public static GatedPattern IssuePromotion { get; } = new(
        LeftoverPatterns.IssuePromotion(), "-paper", "nzelheft", "heft ist", "sgabe", "ssue of", "stores now", "kios");
}
