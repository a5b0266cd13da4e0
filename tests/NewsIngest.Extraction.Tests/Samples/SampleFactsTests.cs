using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Tests.Samples;

/// <summary>
/// Facts that hold across the sample pages beyond their expected files: text an anonymous reader does not get (walls,
/// marketing, cookie banners, labels, hidden bodies, JSON copies) never reaches the record; nothing is emitted twice;
/// article text that ships hidden is counted.
/// </summary>
public sealed partial class SampleFactsTests
{
    public static TheoryData<string> Pages => SamplePages.Names;

    /// <summary>A page and a phrase the page ships but the record must not contain.</summary>
    public static TheoryData<string, string> ShippedButNotForTheReader => new()
    {
        { "mni-interview-layout-a.html", "lean harder on incoming wage settlements" },
        { "mni-interview-layout-a.html", "February is live" },
        { "mni-interview-layout-a.html", "Sign up now for free trial access" },
        { "mni-interview-layout-a.html", "Keep reading" },
        { "mni-interview-layout-a.txt", "February is live" },
        { "mni-interview-layout-a.txt", "Why MNI" },
        { "mni-interview-layout-a.txt", "MNI (LONDON)" },
        { "mni-sources-nav-first-layout-c.html", "staff projections had leaned too heavily" },
        { "mni-sources-nav-first-layout-c.html", "MNI Political Risk Analysis" },
        { "mni-sources-nav-first-layout-c.html", "Please enter your details below." },
        { "mni-legacy-wire-layout-d.html", "MNI Washington Bureau" },
        { "mni-legacy-wire-layout-d.html", "[TOPICS:" },
        { "mni-legacy-wire-layout-d.html", "Why MNI" },
        { "en-paywall-class-paragraphs-haspart.html", "coin cells sitting in a freezer" },
        { "en-paywall-class-paragraphs-haspart.html", "two pilot projects are due to start" },
        { "en-paywall-class-paragraphs-haspart.html", "subscriber-only newsletters" },
        { "es-registration-wall-jsonld-body.html", "ampliar las dotaciones de riego" },
        { "es-registration-wall-jsonld-body.html", "caudal ecológico" },
        { "es-registration-wall-jsonld-body.html", "Regístrate gratis" },
        { "en-free-with-hidden-premium-template.html", "THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY" },
        { "en-free-with-hidden-premium-template.html", "Register to unlock this article" },
        { "en-free-with-hidden-premium-template.html", "Subscriber only" },
        { "it-device-sharing-modal-free.html", "in corso su un altro dispositivo" },
        { "it-device-sharing-modal-free.html", "Abbonati a Gazzetta del Lago" },
        { "en-cookie-banner-before-article.html", "We and our 214 partners" },
        { "en-cookie-banner-before-article.html", "Accept all" },
        { "fr-percent-remaining-cut.html", "Il vous reste" },
        { "fr-percent-remaining-cut.html", "Déjà abonné" },
        { "fr-percent-remaining-cut.html", "seul appareil à la fois" },
        { "fr-free-with-sr-only-subscriber-labels.html", "Article réservé aux abonnés" },
        { "fr-free-with-sr-only-subscriber-labels.html", "Le déclin des oiseaux des champs" },
        { "fr-subscriber-wall-deja-abonne.html", "Offre découverte" },
        { "de-bz-plus-wall.html", "Zugang zu allen Premium-Artikeln" },
        { "de-bz-plus-wall.html", "Renditen der Bundesanleihen" },
        { "ja-members-only-wall.html", "会員限定" },
        { "ja-members-only-wall.html", "ログインして続きを読む" },
        { "en-continue-reading-expander-free.html", "READ MORE" },
        { "en-continue-reading-expander-free.html", "Continue reading" },
        { "en-server-snippet-cxense-overlay.html", "Already a member?" },
        { "en-server-snippet-cxense-overlay.html", "What to Read Next" },
        { "en-jsonld-graph-string-false-haspart-array.html", "Already a subscriber?" },
        { "en-jsonld-graph-string-false-haspart-array.html", "See plans" },
        { "pt-amp-subscriptions-section.html", "preço dos fertilizantes" },
        { "pt-amp-subscriptions-section.html", "Já é assinante?" },
        { "en-free-with-inline-hidden-backup-wall.html", "available exclusively to Venture Insider subscribers" },
        { "en-free-with-inline-hidden-backup-wall.html", "Become an Insider" },
    };

    /// <summary>Pages that ship article text an anonymous reader does not see (hidden DOM or JSON-LD articleBody).</summary>
    public static TheoryData<string> PagesShippingHiddenArticleText =>
    [
        "mni-interview-layout-a.html",
        "mni-interview-layout-a.txt",
        "mni-sources-nav-first-layout-c.html",
        "en-paywall-class-paragraphs-haspart.html",
        "es-registration-wall-jsonld-body.html",
        "pt-amp-subscriptions-section.html",
    ];

    [Theory]
    [MemberData(nameof(ShippedButNotForTheReader))]
    public void Text_the_anonymous_reader_does_not_get_never_reaches_the_record(string name, string phrase)
    {
        var record = SamplePages.Get(name).ExtractRecord();
        Assert.NotNull(record.Headline); // a record with nothing in it would pass for the wrong reason

        string?[] fields = [record.Headline, record.Dek, record.Section, record.Preview.Text, .. record.Preview.Blocks.Select(b => b.Text)];

        Assert.DoesNotContain(fields, field => field?.Contains(phrase, StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(ShippedButNotForTheReader))]
    public void Every_phrase_kept_out_of_the_record_is_really_on_its_page(string name, string phrase)
    {
        Assert.Contains(phrase, PageText.Of(SamplePages.Get(name)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void No_preview_block_is_emitted_twice(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();

        var repeated = record.Preview.Blocks
            .GroupBy(block => Fold(block.Text))
            .Where(group => group.Count() > 1)
            .Select(group => group.First().Text)
            .ToArray();

        Assert.True(repeated.Length == 0, "emitted more than once: " + string.Join(" | ", repeated));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Preview_text_and_word_count_agree_with_the_blocks(string name)
    {
        var preview = SamplePages.Get(name).ExtractRecord().Preview;

        Assert.Equal(string.Join("\n\n", preview.Blocks.Select(b => b.Text)), preview.Text);
        Assert.Equal(preview.Blocks.Count == 0, preview.WordCount == 0);
    }

    [Theory]
    [MemberData(nameof(PagesShippingHiddenArticleText))]
    public void Article_text_that_ships_hidden_is_counted(string name)
    {
        var record = SamplePages.Get(name).ExtractRecord();

        Assert.True(record.Paywall.HiddenWords > 0, $"{name}: hiddenWords is {record.Paywall.HiddenWords}");
    }

    // Folds the differences a copy may carry (case, white space, quote style) so near-copies count as repeats.
    private static string Fold(string text) =>
        Spaces().Replace(text.Replace('“', '"').Replace('”', '"').Replace('’', '\''), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
