using NewsIngest.Extraction.Boilerplate;
using NewsIngest.Extraction.Text;

namespace NewsIngest.Extraction.Tests.Boilerplate;

public sealed class LeftoverAnchorsTests
{
    [Theory]
    [InlineData(nameof(LeftoverAnchors.Credit), "Foto: Jane Doe / DPA")]
    [InlineData(nameof(LeftoverAnchors.Credit), "© 2026 The Example Times")]
    [InlineData(nameof(LeftoverAnchors.Credit), "Crédit : Jean Dupont")]
    [InlineData(nameof(LeftoverAnchors.Disclosure), "This post contains AFFILIATE links.")]
    [InlineData(nameof(LeftoverAnchors.Contact), "Write to us: letters@example.org")]
    [InlineData(nameof(LeftoverAnchors.PublisherAppeal), "we rely on your support to keep going.")]
    [InlineData(nameof(LeftoverAnchors.NewsletterSignUp), "sign up to our newsletter for the week's best reads.")]
    [InlineData(nameof(LeftoverAnchors.IssuePromotion), "die neue ausgabe ist ab heute erhältlich")]
    [InlineData(nameof(LeftoverAnchors.ShareCall), "Share this article")]
    [InlineData(nameof(LeftoverAnchors.ShareCall), "Compartilhe esta notícia")]
    [InlineData(nameof(LeftoverAnchors.NewsletterCall), "Subscribe to our newsletter")]
    [InlineData(nameof(LeftoverAnchors.SocialNetwork), "Follow us on Mastodon")]
    [InlineData(nameof(LeftoverAnchors.AppCall), "Get it on Google Play")]
    [InlineData(nameof(LeftoverAnchors.AppCall), "Now in the App Store")]
    [InlineData(nameof(LeftoverAnchors.AppPromotion), "Download our free app")]
    [InlineData(nameof(LeftoverAnchors.Rights), "All rights reserved.")]
    [InlineData(nameof(LeftoverAnchors.Disclaimer), "disclaimer: the author holds no shares")]
    [InlineData(nameof(LeftoverAnchors.SupportCall), "Donate now to keep us going")]
    [InlineData(nameof(LeftoverAnchors.MembershipPitch), "Werden Sie Mitglied")]
    [InlineData(nameof(LeftoverAnchors.ChannelPlug), "Abonniere unseren YouTube-Kanal")]
    [InlineData(nameof(LeftoverAnchors.ConsentPrompt), "ich akzeptiere die datenschutz hinweise")]
    [InlineData(nameof(LeftoverAnchors.DownloadLink), "Annual report (PDF, 2.4 MB)")]
    // One line per gate at least: a gate's words are written beside its pattern by hand, and a pattern's new
    // alternative without a word in its gate would never run.
    public void A_line_of_a_kind_passes_its_gate_and_matches(string pattern, string text)
    {
        var gate = Gate(pattern);

        Assert.True(gate.MayMatch(text));
        Assert.True(gate.IsMatch(text));
    }

    [Fact]
    public void Every_gate_has_a_line_of_its_kind_above()
    {
        var sampled = typeof(LeftoverAnchorsTests).GetMethod(nameof(A_line_of_a_kind_passes_its_gate_and_matches))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]!).ToHashSet();

        var unsampled = typeof(LeftoverAnchors).GetProperties().Select(p => p.Name).Except(sampled).ToList();

        Assert.True(unsampled.Count == 0, "gates without a line: " + string.Join(", ", unsampled));
    }

    [Fact]
    public void Prose_passes_no_gate()
    {
        const string text = "The council voted on Tuesday to close the old bridge until repairs are finished next spring.";

        Assert.All(typeof(LeftoverAnchors).GetProperties().Select(p => (GatedPattern)p.GetValue(null)!), g => Assert.False(g.MayMatch(text)));
    }

    [Fact]
    public void A_kelvin_sign_may_be_any_k_of_a_pattern_that_ignores_case()
    {
        // "\u212Aontakt" is "Kontakt" to a pattern that ignores case, but not to an ordinal search ignoring case.
        const string text = "Mit uns in \u212Aontakt treten";

        Assert.Matches(LeftoverPatterns.Contact(), text);
        Assert.True(LeftoverAnchors.Contact.IsMatch(text));
    }

    private static GatedPattern Gate(string name) => (GatedPattern)typeof(LeftoverAnchors).GetProperty(name)!.GetValue(null)!;
}
