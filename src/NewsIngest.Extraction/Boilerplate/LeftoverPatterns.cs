using System.Text.RegularExpressions;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Boilerplate;

/// <summary>
/// The vocabulary <see cref="LeftoverStage"/> reads short blocks with: what page furniture says in the languages the
/// lexicon covers. Each pattern names a kind of line (a credit, a consent prompt, a download link), never one site.
/// A pattern that searches the whole block runs behind the words of its gate in <see cref="LeftoverAnchors"/>: an
/// alternative added here needs one of its literal words there too, or it never runs.
/// </summary>
internal static partial class LeftoverPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const int Budget = RegexBudget.MatchTimeoutMilliseconds;

    /// <summary>
    /// For patterns matched against <see cref="Segmentation.Block.Normalized"/>: already lower-case with straight quotes
    /// and plain dashes, so the pattern needs no case folding (and its literal prefixes search faster).
    /// </summary>
    private const RegexOptions Folded = RegexOptions.CultureInvariant;

    /// <summary>
    /// Photo credits: "©", "(Foto: …)", "Bild: …", an agency at the end ("… / dpa"). White space before something that
    /// is not white space is taken whole (atomic groups): <c>\s*\)?\s*$</c> split a run of spaces every way first.
    /// </summary>
    [GeneratedRegex(
        @"©|\((?:foto|photo|bild|credit|quelle|source|image|fuente|crédit)s?\s*:|^(?:foto|photo|bild|credit|crédit|quelle|source|fuente|image|abbildung|titelbild|beitragsbild|fotos|photos|bildquelle|fotoquelle)(?>\s*)(?:\d+(?>\s*))?:|(?:getty images|istock(?:\.com)?|shutterstock|imago images|picture[- ]alliance|/\s*dpa|/\s*afp|/\s*reuters)(?>\s*)(?:\)(?>\s*))?$",
        Options,
        Budget)]
    public static partial Regex Credit();

    [GeneratedRegex(@"\b(?:teilen|share|partager|compartir|condividi|compartilhe|empfiehl|weiterempfehlen)\b", Options, Budget)]
    public static partial Regex ShareCall();

    [GeneratedRegex(@"newsletter|\babonn|\bsubscri|\bsuscr[ií]b|\binscr[ií]|\biscriv|\bsign up\b|\banmelden\b|\benter your e-?mail|\byour inbox\b|\bposteingang\b", Options, Budget)]
    public static partial Regex NewsletterCall();

    /// <summary>
    /// A newsletter sign-up wherever it sits: "Never miss … by signing up to our newsletter", "Enter your email below",
    /// "opt out anytime". Stricter than <see cref="NewsletterCall"/>, which only reads the end matter.
    /// </summary>
    [GeneratedRegex(@"\bnewsletter\b.{0,80}\b(?:sign(?:ing)? up|subscrib|anmeld|abonn|inscri|bestell|eintrag)|\b(?:sign(?:ing)? up|subscrib\w*|anmelden|abonnieren|inscri\w+|iscriviti)\b.{0,40}\bnewsletter|\benter your e-?mail\b|\b(?:straight|direct(?:ly)?) (?:to|in) your inbox\b|\bopt out (?:at )?any ?time\b|\bunsubscribe at any time\b|\bliste de diffusion\b|\bà tout moment vous désabonner\b", Folded, Budget)]
    public static partial Regex NewsletterSignUp();

    [GeneratedRegex(@"twitter|facebook|instagram|telegram|whatsapp|youtube|linkedin|tiktok|pinterest|mastodon", Options, Budget)]
    public static partial Regex SocialNetwork();

    [GeneratedRegex(@"\b(?:follow|síguenos|siguenos|sígannos|folgen sie|folge uns|folgt uns|suivez|seguici|siga|segue|join us|únete|abonnez)\b", Options, Budget)]
    public static partial Regex FollowVerb();

    /// <summary>
    /// "App Store", or an app and a download on one line. The line's first "app" (or download word) is taken whole
    /// (atomic, from the line's start): a later one can only see less of the line, so the answer is the same, and a
    /// line of many "app"s is read once instead of once per "app".
    /// </summary>
    [GeneratedRegex(@"\b(?:app store|google play|ios|android)\b|(?m:^)(?>.*?\bapps?\b).*\b(?:download|herunterladen|descarga|télécharg)|(?m:^)(?>.*?\b(?:download|herunterladen|descarga|télécharg)\w*\b).*\bapps?\b", Options, Budget)]
    public static partial Regex AppCall();

    /// <summary>An app call wherever it sits: "straight to your phone with our app", "download our free app".</summary>
    [GeneratedRegex(@"\b(?:straight|direct(?:ly)?) to your (?:phone|mobile|smartphone|device)\b|\bdownload our (?:free )?app\b|\bunsere[rn]? (?:kostenlose[nr]? )?app\b.{0,40}\b(?:herunterladen|installieren)\b|\btélécharge[zr] (?:notre|l')\s?app", Options, Budget)]
    public static partial Regex AppPromotion();

    /// <summary>
    /// An address, phone or letters line. The address starts only where a run of its characters starts (the
    /// look-behind): tried from every character of a 200,000-character token, the run was read again from each.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|\[at\]|\b(?:telefon|tel\.|phone|fax|e-mail)\s*:|\bmit uns in kontakt\b|\bkontaktieren sie uns\b|\bcontact us\b|\bnous contacter\b|\bcontáct(?:enos|anos)\b|\bletters? to the editor\b|\bleserbrief", Options, Budget)]
    public static partial Regex Contact();

    [GeneratedRegex(@"^(?:erstellt am|veröffentlicht|publiziert|published|posted|der beitrag wurde am|dieser beitrag wurde|news date|category|kategorie|kategorien|tags|schlagworte|schlagwörter|stichworte|von|by|filed under|abgelegt unter)\b", Options, Budget)]
    public static partial Regex PostMeta();

    /// <summary>
    /// A blog's filing line, however many categories it lists: "Der Beitrag wurde am … veröffentlicht und wurde unter …
    /// abgelegt", "This entry was posted in …".
    /// </summary>
    [GeneratedRegex(@"^(?:der beitrag wurde am|dieser beitrag wurde am|dieser eintrag wurde am|erstellt am|this entry was (?:posted|filed)|posted in|publié dans|ce billet a été publié|esta entrada fue publicada)\b", Options, Budget)]
    public static partial Regex FilingLine();

    /// <summary>A date line that stands alone: "asked Feb 6, 2014 at 20:37", "Aktualisiert am 17.01.2021.", "Release Date:".</summary>
    [GeneratedRegex(@"^(?:asked|answered|edited|modified|gefragt|beantwortet|bearbeitet)\s+\p{L}+\.?\s+\d|^(?:release date|veröffentlicht am|aktualisiert am|zuletzt aktualisiert|last updated|updated on|mis à jour le|actualizado el|atualizado em)\b", Options, Budget)]
    public static partial Regex DateLine();

    [GeneratedRegex(@"copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|derechos reservados|diritti riservati|prawem autorskim|\blizenz\b|\blicen[cs]e\b|suggested citation|zitiervorschlag", Options, Budget)]
    public static partial Regex Rights();

    /// <summary>Affiliate and advertising disclosures ("We may earn a commission", "*Werbung", "Anzeige").</summary>
    [GeneratedRegex(@"\baffiliate|\bprovision\b|\bcommission\b|\bcompensation\b|\bsponsored\b|\badvertis(?:er|ing|ement)s?\b|enthält werbung|^\*?werbung\b|^anzeige\b|\bcomisión\b|\bafiliad|\blien(?:s)? affili|\bpartnerlinks?\b|\bwerbelinks?\b", Options, Budget)]
    public static partial Regex Disclosure();

    /// <summary>
    /// "X does not offer medical advice", "Disclaimer: …", "keine Rechtsberatung", "Alle Angaben ohne Gewähr", "Les
    /// opinions exprimées … n'engagent que leurs auteurs".
    /// </summary>
    [GeneratedRegex(@"\bdisclaimer\b|\b(?:does|do) not (?:offer|provide|constitute) (?:medical|legal|financial|investment) advice|\bkeine (?:rechts|anlage|steuer)beratung|\bohne gewähr\b|\bn'engagent que (?:leurs? auteurs?|l'auteur|la responsabilité)|\bnot provided or commissioned\b|\bmay (?:receive|earn) (?:compensation|a commission)\b|\bindependent review process\b|\baffiliate[- ]links?\b", Folded, Budget)]
    public static partial Regex Disclaimer();

    /// <summary>Appeals for donations, support or membership ("would you consider supporting our work?").</summary>
    [GeneratedRegex(@"\bsupport(?:ing)? (?:our|us|independent)\b|\bdonate (?:now|today|here)\b|\bmake a donation\b|\bbecome a (?:member|supporter)|\bunterstütze|\bunterstützen sie\b|\bjetzt spenden|\bspenden sie\b|\bhazte (?:miembro|socio)|\bapoya (?:nuestro|el periodismo)|\bfaire un don\b|\bsoutenez\b|\bwesprzyj\b", Options, Budget)]
    public static partial Regex SupportCall();

    /// <summary>
    /// A publisher talking about its own journalism or offer wherever it sits: "We rely on your support", "our
    /// journalism", "cancel anytime", "Assine o jornal", "keine Bezahlschranke".
    /// </summary>
    [GeneratedRegex(@"\brely on (?:your|readers'?) support\b|\b(?:our|unseren?|notre|nuestro|nosso) (?:journalism|journalismus|journalisme|periodismo|jornalismo)\b|\bhacemos periodismo\b|\bcancel(?:a)? (?:at )?any ?time\b|\bcancela cuando quieras\b|\bcon tu suscripción\b.{0,60}\bsin límites\b|\bwith your subscription\b.{0,60}\bunlimited\b|\bjederzeit kündbar\b|\bsans engagement\b|\bassine (?:já|agora|o jornal|a revista)\b|\b(?:keine|ohne|no|sans) (?:bezahlschranke|paywall)\b|\bwesprzyj\b|\bzapraszamy\b.{0,20}\bsubskrypc", Folded, Budget)]
    public static partial Regex PublisherAppeal();

    /// <summary>A membership pitch: "Werden Sie Mitglied … exklusive Angebote", "Help us continue to …".</summary>
    [GeneratedRegex(@"\bwerden sie mitglied\b|\bwerde mitglied\b|\bbecome a member (?:today|now)\b|\bexklusive angebote\b|\bhelp us (?:continue|keep)\b.{0,40}\b(?:readers|journalism|reporting|independent|words)\b|\bdevenez membre\b|\bhazte socio\b", Options, Budget)]
    public static partial Regex MembershipPitch();

    /// <summary>The print edition's own ad: "Die aktuelle Ausgabe … im Abo, als e-Paper", "Das Heft ist … erhältlich".</summary>
    [GeneratedRegex(@"\be-paper\b|\beinzelheft\b|\bheft ist\b.{0,60}\berhältlich\b|\b(?:aktuelle|neue[nr]?) ausgabe\b|\b(?:current|latest|new) issue of (?:our|the) (?:magazine|print edition)\b|\bin stores now\b|\bau kiosque\b|\ben kiosco\b", Folded, Budget)]
    public static partial Regex IssuePromotion();

    /// <summary>A channel plug: "¡Mira lo que tiene nuestro canal de YouTube!", "our Instagram".</summary>
    [GeneratedRegex(@"\b(?:our|unseren?|unserem|nuestro|notre|nosso)\s+(?:\w+\s+)?(?:youtube|instagram|tiktok|telegram|whatsapp|facebook)\b|\b(?:youtube|instagram|tiktok|telegram|whatsapp)[- ](?:channel|kanal|canal)\b|\bcanal de (?:youtube|telegram|whatsapp)\b", Options, Budget)]
    public static partial Regex ChannelPlug();

    /// <summary>
    /// A widget's status line: "Keine Kommentare", "(Noch keine Bewertungen)", "13 Besucher sind online", "Es werden
    /// die Weine 1 bis 10 von insgesamt 19 angezeigt".
    /// </summary>
    [GeneratedRegex(@"^\(?(?:keine|noch keine|no|aucun|sin|nessun) (?:kommentare|comments(?: yet)?|bewertungen|ratings|reviews|commentaires|comentarios|commenti)\b|\b\d+ (?:besucher|visitors?|users?|benutzer|gäste|guests) (?:sind |are |is )?online\b|\b\d+ (?:bis|to|-|–) \d+ (?:von|of|de|sur) (?:insgesamt )?\d+\b", Options, Budget)]
    public static partial Regex WidgetStatus();

    /// <summary>A clock time, as in a comment's or post's time stamp.</summary>
    [GeneratedRegex(@"\d{1,2}:\d{2}", RegexOptions.None, Budget)]
    public static partial Regex ClockTime();

    /// <summary>A year.</summary>
    [GeneratedRegex(@"\d{4}", RegexOptions.None, Budget)]
    public static partial Regex Year();

    /// <summary>
    /// A placeholder for an embed that waits for consent, or a consent box: "Klicken Sie auf den unteren Button, um
    /// den Inhalt von … zu laden", "ohne dein Einverständnis keine Verbindung zu Twitter", "I accept the privacy policy".
    /// </summary>
    [GeneratedRegex(@"\b(?:ich akzeptiere|ich stimme|i accept|i agree|j'accepte|acepto)\b.{0,80}\b(?:datenschutz|privacy|terms|conditions|cookie|nutzungsbedingungen|agb|confidentialité|privacidad)|\bum den inhalt\b.{0,60}\bzu laden\b|\bto load the content\b|\bohne (?:dein|ihr)e?n? einverständnis\b|\b(?:mit diesem|auf den unteren|auf den folgenden|auf den untenstehenden) button\b|\bexterne[nr]? inhalte?\b|\bcontenu externe\b|\bexternal content\b|\bcontenido externo\b", Folded, Budget)]
    public static partial Regex ConsentPrompt();

    /// <summary>A file link with its size or a download button: "PDF | 38 KB", "Download (123 KB)", "als PDF herunterladen".</summary>
    [GeneratedRegex(@"\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3|epub)\b(?>\s*)(?:[|,(](?>\s*))?\d+(?:[.,]\d+)?\s*(?:[kmg]i?b|bytes?)\b|\bdownload\s*\(\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\s*\)|\b(?:als|as) pdf (?:herunterladen|downloaden|download)\b", Options, Budget)]
    public static partial Regex DownloadLink();

    /// <summary>A page tool's label: "Permalink …", "Drucken", "Rezept drucken", "Imprimer".</summary>
    [GeneratedRegex(@"^(?:permalink|permalien|enlace permanente|kurzlink|short ?link)\b|^(?:(?:rezept|recipe|artikel|article|seite|page) )?(?:drucken|print|imprimer|imprimir|stampa)(?: (?:this|cette|diese[nrs]?) \w+)?(?:$|\s*[|·•]|\s+(?:bei|auf|on|sur|und|and|pdf|speichern|save|teilen|share)\b)", Options, Budget)]
    public static partial Regex PageTool();

    /// <summary>A PHP warning printed into the page: "Warning: … in /www/…/classes.php on line 407".</summary>
    [GeneratedRegex(@"^(?:php )?(?:warning|notice|deprecated|fatal error|parse error|strict standards)\s*:.*\bon line \d+", Options, Budget)]
    public static partial Regex ScriptError();

    /// <summary>An HTML tag written out as text.</summary>
    [GeneratedRegex(@"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>", Options, Budget)]
    public static partial Regex MarkupTag();

    /// <summary>An author box: "Jane Doe is a senior editor at …", "Hallo, ich bin Foodbloggerin …", "Senior Editor with …".</summary>
    [GeneratedRegex(@"^(?:hallo|hi|hello),? (?:ich bin|i am|i'm)\b|^\p{Lu}\S+(?: \p{Lu}\S+){0,2},? (?:ist|is|war|was|est|è)\b[^.]{0,80}\b(?:autor|author|journalist|redakteur|editor|writer|founder|gründer|professor|reporter|korrespondent|correspondent|blogger|fotograf|photographer|consultant|head of|chefredakteur|rédact|periodista|giornalista)|^(?:senior |chief |managing )?(?:editor|writer|reporter|journalist)\b", Options, Budget)]
    public static partial Regex AuthorBio();
}
