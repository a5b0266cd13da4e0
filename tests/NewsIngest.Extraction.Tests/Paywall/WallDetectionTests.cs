using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Paywall;

public sealed class WallDetectionTests
{
    private const string Lead = "The government announced a sweeping reform of the pension system on Monday, touching millions of workers.";
    private const string Next = "Unions called the plan unfair and promised strikes across the country before the end of the month.";

    [Theory]
    [InlineData("en", "<h3>Subscribe to continue reading</h3>", "text:en:subscribe-to-continue-reading")]
    [InlineData("en", "<p>To view the full story, please subscribe to The Example Times. You can choose an annual plan or a weekly pass.</p>", "text:en:to-view-the-full-story")]
    [InlineData("de", "<p>Jetzt weiterlesen mit BZ+</p>", "text:de:jetzt-weiterlesen-mit")]
    [InlineData("fr", "<p><strong>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</strong></p>", "text:fr:il-vous-reste-n-de-cet-article-à-lire")]
    [InlineData("es", "<p>Regístrate gratis para seguir leyendo</p>", "text:es:regístrate-gratis-para-seguir-leyendo")]
    [InlineData("it", "<p>Contenuto riservato agli abbonati</p>", "text:it:contenuto-riservato-agli-abbonati")]
    [InlineData("pt", "<p>Esse conteúdo é exclusivo para assinantes. Quer continuar sua leitura?</p>", "text:pt:esse-conteúdo-é-exclusivo-para-assinantes")]
    [InlineData("ja", "<p>この記事は会員限定です。</p>", "text:ja:この記事は会員限定です")]
    public void A_wall_phrase_after_the_teaser_cuts_the_preview_in_any_lexicon_language(string language, string wall, string signal)
    {
        var html = Extract.Page($"<article><p>{Lead}</p><p>{Next}</p>{wall}<p>Text behind the wall that must never be emitted.</p></article>");

        var record = Extract.Html(html);

        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Contains(signal, record.Paywall.Signals);
        Assert.NotNull(record.Paywall.Marker);
        Assert.False(string.IsNullOrEmpty(language));
    }

    [Fact]
    public void A_continue_reading_expander_is_not_a_wall()
    {
        var html = Extract.Page($"<article><p>{Lead}</p><div class='article__continue-reading'><button>Continue reading</button></div><p>{Next}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
    }

    [Fact]
    public void A_hidden_wall_template_on_a_free_page_is_no_evidence()
    {
        var html = Extract.Page(
            $"<header class='identity-intro'><div class='intro-body__premium hidden'><p>THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY</p></div></header><article><p>{Lead}</p><p>{Next}</p></article>");

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.DoesNotContain(record.Paywall.Signals, s => s.StartsWith("text:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_device_sharing_modal_is_boilerplate_not_a_wall()
    {
        var html = Extract.Page($"<article><p>{Lead}</p><p>{Next}</p></article><div class='modal'><p>Vous pouvez lire Le Monde sur un seul appareil à la fois</p><button>Continuer à lire ici</button></div>");

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
    }

    [Fact]
    public void A_nav_label_for_other_articles_does_not_make_this_one_paywalled()
    {
        var html = Extract.Page($"<nav><a href='/a'><span class='sr-only'>Article réservé aux abonnés</span> Autre article</a></nav><article><p>{Lead}</p><p>{Next}</p></article>");

        Assert.NotEqual(PaywallStatus.Paywalled, Extract.Html(html).Paywall.Status);
    }

    [Fact]
    public void A_vendor_wall_container_with_a_call_to_action_cuts_the_preview()
    {
        var html = Extract.Page($"<article><p>{Lead}</p><p>{Next}</p><div id='cx-snippet-overlay'><p>Continue your subscription journey today.</p><a href='/sub'>Subscribe Now</a></div><p>Not for you.</p></article>");

        var record = Extract.Html(html);

        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Contains("dom:.cx", record.Paywall.Signals);
    }

    [Fact]
    public void An_empty_body_with_a_large_declared_word_count_is_an_implicit_wall()
    {
        var ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Big story\",\"wordCount\":2737,\"isAccessibleForFree\":\"False\"}</script>";
        var html = Extract.Page("<article><h1>Big story</h1><div class='klz-paywalled-content'></div></article>", ld);

        var record = Extract.Html(html);

        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal("implicit", record.Paywall.Kind);
        Assert.Equal(2737, record.Paywall.DeclaredWordCount);
        Assert.False(record.Paywall.AccessibleForFree);
        Assert.Contains("len:declared=2737,visible=0", record.Paywall.Signals);
    }

    [Fact]
    public void Structured_flags_alone_do_not_make_a_full_visible_article_paywalled()
    {
        var ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false}</script>";
        var body = string.Join("", Enumerable.Range(1, 12).Select(i => $"<p>Paragraph {i} of a long and complete article that anyone can read here, with details number {i}.</p>"));

        var record = Extract.Html(Extract.Page($"<article>{body}</article>", ld));

        Assert.Equal(12, record.Preview.Blocks.Count);
        Assert.NotEqual(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Contains("ld:isAccessibleForFree=false", record.Paywall.Signals);
    }

    [Fact]
    public void Gated_parts_named_by_has_part_leave_the_preview_when_free_text_precedes_them()
    {
        var ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false,\"hasPart\":{\"@type\":\"WebPageElement\",\"isAccessibleForFree\":false,\"cssSelector\":\".paywall\"}}</script>";
        var html = Extract.Page($"<article><p>{Lead}</p><p>{Next}</p><p class='paywall'>Gated paragraph one that the meter hides from readers.</p><p class='paywall'>Gated paragraph two that the meter hides as well.</p></article>", ld);

        var record = Extract.Html(html);

        Assert.Equal([Lead, Next], record.PreviewTexts());
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.True(record.Paywall.HiddenWords >= 16);
    }

    [Fact]
    public void The_full_text_in_json_ld_article_body_is_never_emitted()
    {
        var secret = "Secret full text sentence number one. " + string.Join(" ", Enumerable.Repeat("More hidden words follow here.", 60));
        var ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + secret + "\"}</script>";
        var html = Extract.Page($"<article><p>{Lead}</p><div class='paywall'><p>Regístrate gratis para seguir leyendo</p></div></article>", ld);

        var record = Extract.Html(html);

        Assert.DoesNotContain("Secret full text", record.Preview.Text);
        Assert.Equal(PaywallStatus.Paywalled, record.Paywall.Status);
        Assert.Equal("registration", record.Paywall.Kind);
        Assert.True(record.Paywall.HiddenWords > 100);
    }
}
