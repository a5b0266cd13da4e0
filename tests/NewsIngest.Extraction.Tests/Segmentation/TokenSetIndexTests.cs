using NewsIngest.Extraction.Segmentation;

namespace NewsIngest.Extraction.Tests.Segmentation;

public sealed class TokenSetIndexTests
{
    private static readonly TokenSet[] Vocabularies =
    [
        ElementVocabulary.Hidden, ElementVocabulary.BodyContainer, ElementVocabulary.Chrome, ElementVocabulary.Wall,
        ElementVocabulary.Body, ElementVocabulary.Negative,
    ];

    [Fact]
    public void Each_set_gets_the_word_its_own_match_finds()
    {
        var index = new TokenSetIndex(Vocabularies);
        var found = new string?[Vocabularies.Length];
        var tokens = Tokens().ToList();
        foreach (var token in tokens)
        {
            index.Match(token, found);
            for (var i = 0; i < Vocabularies.Length; i++)
            {
                Assert.True(Vocabularies[i].FirstMatch(token) == found[i], $"set {i}, token '{token}': '{Vocabularies[i].FirstMatch(token)}' by the set, '{found[i]}' by the index");
            }
        }

        Assert.True(tokens.Count > 5000);
    }

    [Fact]
    public void A_token_of_no_set_matches_nothing()
    {
        var found = new string?[2];
        new TokenSetIndex(ElementVocabulary.Chrome, ElementVocabulary.Wall).Match("col-md-8", found);

        Assert.All(found, Assert.Null);
    }

    /// <summary>Every word of every set, alone and as every kind of part a class name is built from.</summary>
    private static IEnumerable<string> Tokens()
    {
        var words = Vocabularies.SelectMany(s => s.Exact.Concat(s.Leading).Concat(s.Prefixes).Concat(s.Infixes)).Distinct();
        foreach (var word in words)
        {
            foreach (var shape in new[] { "{0}", "x-{0}", "{0}-x", "site__{0}", "{0}__item", "x{0}y", "{0}2", "-{0}", "{0}-", "is-{0}-open", "{0}_{0}", "main-{0}", "{0}-main" })
            {
                var token = string.Format(shape, word);
                yield return token;
                yield return token[..^1];
                yield return token[1..];
            }
        }

        yield return "";
        yield return "-";
        yield return "__";
        yield return "col-md-8";
    }
}
