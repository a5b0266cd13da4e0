using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/News/A", "http://example.com/News/A")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?fbclid=xyz&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref_src=twsrc", "https://example.com/a")]
    [InlineData("https://example.com/a?UTM_Campaign=x&b=2", "https://example.com/a?b=2")]
    [InlineData("https://example.com/a?z=1&a=2&m=3", "https://example.com/a?a=2&m=3&z=1")]
    [InlineData("https://example.com/a?b=2&b=1", "https://example.com/a?b=1&b=2")]
    [InlineData("https://example.com/%7euser/a%2db", "https://example.com/~user/a-b")]
    [InlineData("https://example.com/a%2fb?q=%c3%a9", "https://example.com/a%2Fb?q=%C3%A9")]
    [InlineData("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9")]
    [InlineData("https://b\u00fccher.example/x", "https://xn--bcher-kva.example/x")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?q=a+b&x", "https://example.com/a?q=a+b&x")]
    [InlineData("http://[::1]:8080/a", "http://[::1]:8080/a")]
    [InlineData("http://127.0.0.1:5000/a/../b/./c", "http://127.0.0.1:5000/b/c")]
    public void Canonicalizes_urls_so_the_same_article_compares_equal(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(input)).AbsoluteUri);
    }

    [Fact]
    public void Canonical_form_is_stable_when_applied_twice()
    {
        var once = UrlCanonicalizer.Canonicalize(new Uri("https://B\u00fccher.example:443/%7ea/caf\u00e9?z=%c3%a9&utm_x=1&a=1#f"));
        Assert.Equal(once, UrlCanonicalizer.Canonicalize(once));
    }

    [Theory]
    [InlineData("/news/1", "https://example.com/section/", "https://example.com/news/1")]
    [InlineData("2", "https://example.com/section/", "https://example.com/section/2")]
    [InlineData("  https://example.com/x  ", null, "https://example.com/x")]
    public void Resolves_relative_links_against_the_listing(string text, string? baseUrl, string expected)
    {
        var url = UrlCanonicalizer.TryCanonicalize(text, baseUrl is null ? null : new Uri(baseUrl));
        Assert.Equal(expected, url?.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:a@example.com")]
    [InlineData("ftp://example.com/a")]
    public void Rejects_what_is_not_an_http_article_link(string text)
    {
        Assert.Null(UrlCanonicalizer.TryCanonicalize(text));
    }
}
