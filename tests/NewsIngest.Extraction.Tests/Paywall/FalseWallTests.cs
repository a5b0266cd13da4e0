using NewsIngest.Extraction.Tests.Support;

namespace NewsIngest.Extraction.Tests.Paywall;

/// <summary>
/// Free pages whose markup names a wall somewhere (a class, a vendor prefix, a sign-in link) while the whole article is
/// visible: a class name alone never cuts a visible article.
/// </summary>
public sealed class FalseWallTests
{
    private static readonly string[] Body =
    [
        "The regional water authority approved a plan on Thursday to replace the oldest pipes in the valley over ten years.",
        "Engineers said more than a third of the network was laid before 1960 and now loses water at every joint.",
        "The first phase will start in the northern districts, where burst mains closed two schools last winter.",
        "Residents will see higher bills from next spring, although the authority promised help for low-income homes.",
        "Critics on the council argued that the plan leaned too heavily on borrowing and left the costs to later years.",
        "The authority's chair answered that waiting would only make the repairs more expensive for everyone involved.",
    ];

    private const string FreeLd =
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Water plan\",\"isAccessibleForFree\":true}</script>";

    private static string Paragraphs(int from, int to) => string.Concat(Body[from..to].Select(p => $"<p>{p}</p>"));

    private static ArticleRecord ExtractFree(string article, string header = "") =>
        Extract.Html(Extract.Page($"{header}<article><h1>Water plan approved</h1>{article}</article>", FreeLd));

    public static TheoryData<string, string> WallNamedMarkup => new()
    {
        { "subheading with a paywall class", $"{Paragraphs(0, 3)}<h2 class='paywall-subhead'>What the plan costs</h2>{Paragraphs(3, 6)}" },
        { "subheading with a vendor prefix", $"{Paragraphs(0, 3)}<h2 class='tp-heading'>What the plan costs</h2>{Paragraphs(3, 6)}" },
        { "subheading named after a metering vendor", $"{Paragraphs(0, 3)}<h3 class='piano-title'>What the plan costs</h3>{Paragraphs(3, 6)}" },
        { "pull quote with a paywalled class", $"{Paragraphs(0, 3)}<blockquote class='paywalled'>Waiting only makes it dearer.</blockquote>{Paragraphs(3, 6)}" },
        { "wrapper of a few paragraphs", $"{Paragraphs(0, 2)}<div class='post-paywall'>{Paragraphs(2, 4)}</div>{Paragraphs(4, 6)}" },
        { "wrapper of the rest of the body", $"{Paragraphs(0, 2)}<div class='paywall'>{Paragraphs(2, 6)}</div>" },
        { "empty marketing slot", $"{Paragraphs(0, 3)}<div class='tp-container-inner'> </div><div class='paywall-offer'></div>{Paragraphs(3, 6)}" },
        { "inline span", $"<p>{Body[0]}</p><p><span class='paywall'>Engineers said</span> {Body[1]["Engineers said ".Length..]}</p>{Paragraphs(2, 6)}" },
    };

    [Theory]
    [MemberData(nameof(WallNamedMarkup))]
    public void A_wall_class_on_visible_article_text_does_not_cut_a_free_article(string structure, string article)
    {
        var record = ExtractFree(article);

        foreach (var paragraph in Body)
        {
            Assert.True(record.Preview.Text.Contains(paragraph, StringComparison.Ordinal), $"{structure}: lost \"{paragraph}\"");
        }

        Assert.True(record.Paywall.Status == PaywallStatus.Free, $"{structure}: {record.Paywall.Status} {string.Join(' ', record.Paywall.Signals)}");
        Assert.Null(record.Paywall.Marker);
    }

    [Fact]
    public void A_sign_in_link_in_the_page_header_is_not_a_wall()
    {
        var header = "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='account'><a href='/login'>Already a subscriber? Sign in</a></div></header>";

        var record = ExtractFree(Paragraphs(0, 6), header);

        Assert.Equal(Body, record.PreviewTexts().Where(Body.Contains));
        Assert.Equal(PaywallStatus.Free, record.Paywall.Status);
        Assert.Null(record.Paywall.Marker);
    }
}
