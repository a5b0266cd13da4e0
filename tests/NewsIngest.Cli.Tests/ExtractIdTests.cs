using System.Text.Json;

namespace NewsIngest.Cli.Tests;

/// <summary>The seed page's HTML and its text rendering are one article: the same preview, and the same id once the
/// text is given the address the HTML names as canonical.</summary>
public sealed class ExtractIdTests
{
    private const string Canonical = "https://www.marketnews.com/trump-allies-assure-japan-sk-on-cooperation-in-any-2nd-term-2668304117";

    [Fact]
    public async Task The_text_rendering_of_a_page_given_its_canonical_url_gets_the_id_and_content_hash_of_its_html()
    {
        var html = await ExtractAsync(Seed("html"));
        var text = await ExtractAsync(Seed("txt"));
        var textWithUrl = await ExtractAsync(Seed("txt"), "--url", Canonical);

        Assert.Equal(Canonical, html.GetProperty("canonicalUrl").GetString());
        Assert.Equal(html.GetProperty("contentHash").GetString(), text.GetProperty("contentHash").GetString());
        Assert.NotEqual(html.GetProperty("id").GetString(), text.GetProperty("id").GetString());
        Assert.Equal(html.GetProperty("id").GetString(), textWithUrl.GetProperty("id").GetString());
    }

    private static string Seed(string extension) =>
        Path.Combine(NewsIngestExecutable.RepositoryRoot, "samples", "pages", $"mni-political-risk.{extension}");

    private static async Task<JsonElement> ExtractAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await NewsIngestCli.RunAsync(["extract", .. args], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }
}
