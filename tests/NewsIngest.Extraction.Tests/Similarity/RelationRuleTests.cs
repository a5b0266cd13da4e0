using NewsIngest.Extraction.Similarity;
using NewsIngest.Tests.Shared.NearDuplicates;

namespace NewsIngest.Extraction.Tests.Similarity;

public sealed class RelationRuleTests
{
    private static readonly RelationRule Rule = RelationRule.Default;

    private static readonly string Story = StoryWriter.Render(new StoryWriter(3).Story(300));

    private static SimilarityMatch? Decide(string text, string site, string earlier, string earlierSite) =>
        Rule.Decide(TextProfile.Of(text), site, TextProfile.Of(earlier), earlierSite);

    [Fact]
    public void The_same_words_on_one_site_are_the_same_text_whatever_their_case_spacing_or_punctuation()
    {
        var copy = Story.ToUpperInvariant().Replace(".", " ;", StringComparison.Ordinal).Replace("\n\n", "   ", StringComparison.Ordinal);

        Assert.Equal(new SimilarityMatch(NearDuplicateRelation.SameText, 1), Decide(copy, "a.example", Story, "a.example"));
    }

    [Fact]
    public void The_same_text_on_another_site_is_syndicated()
    {
        Assert.Equal(new SimilarityMatch(NearDuplicateRelation.Syndicated, 1), Decide(Story, "b.example", Story, "a.example"));
    }

    [Fact]
    public void A_lightly_edited_copy_is_a_near_duplicate_measured_by_jaccard()
    {
        var edited = Story.Replace("the ", "a ", StringComparison.Ordinal);

        var match = Decide(edited, "a.example", Story, "a.example");

        Assert.Equal(NearDuplicateRelation.NearDuplicate, match?.Relation);
        Assert.InRange(match!.Value.Similarity, Rule.NearDuplicateJaccard, 0.99);
    }

    [Fact]
    public void A_teaser_is_a_preview_of_the_full_text_either_way_round_and_across_sites()
    {
        var teaser = string.Join(' ', Story.Split(' ').Take(90));

        Assert.Equal(NearDuplicateRelation.PreviewOf, Decide(teaser, "a.example", Story, "a.example")?.Relation);
        Assert.Equal(NearDuplicateRelation.PreviewOf, Decide(Story, "a.example", teaser, "a.example")?.Relation);
        Assert.Equal(new SimilarityMatch(NearDuplicateRelation.PreviewOf, 1), Decide(teaser, "b.example", Story, "a.example"));
    }

    [Fact]
    public void Texts_under_forty_words_match_only_when_their_words_are_the_same()
    {
        var short1 = string.Join(' ', Story.Split(' ').Take(39));
        var short2 = string.Join(' ', Story.Split(' ').Take(38)) + " different";

        Assert.Equal(NearDuplicateRelation.SameText, Decide(short1, "a.example", short1, "a.example")?.Relation);
        Assert.Null(Decide(short2, "a.example", short1, "a.example"));
        Assert.Null(Decide(short1, "a.example", Story, "a.example"));
    }

    [Fact]
    public void Different_stories_do_not_match()
    {
        var other = StoryWriter.Render(new StoryWriter(4).Story(300));

        Assert.Null(Decide(other, "a.example", Story, "a.example"));
    }

    [Fact]
    public void Empty_texts_never_match()
    {
        Assert.Null(Decide("", "a.example", "", "a.example"));
    }

    [Theory]
    [InlineData("https://www.news.example/a", "news.example")]
    [InlineData("https://amp.news.example/a", "news.example")]
    [InlineData("https://M.News.Example/a", "news.example")]
    [InlineData("https://wire.example/a", "wire.example")]
    [InlineData("http://127.0.0.1:41234/a", "127.0.0.1:41234")]
    public void An_amp_mobile_or_www_address_is_the_same_site(string url, string site)
    {
        Assert.Equal(site, SiteKey.Of(url));
    }
}
