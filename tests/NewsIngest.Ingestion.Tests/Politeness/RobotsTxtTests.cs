using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Tests.Politeness;

public class RobotsTxtTests
{
    private const string Agent = "NewsIngest";

    [Fact]
    public void A_group_naming_our_product_token_wins_over_the_star_group_whatever_the_case()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: newsingest/1.0
            Disallow: /private
            """);

        Assert.True(robots.IsAllowed(Agent, "/news/1"));
        Assert.False(robots.IsAllowed(Agent, "/private/x"));
        Assert.False(robots.IsAllowed("OtherBot", "/news/1"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: SomeBot
            User-agent: NewsIngest
            Disallow: /shared
            """);

        Assert.False(robots.IsAllowed(Agent, "/shared/page"));
        Assert.False(robots.IsAllowed("SomeBot", "/shared/page"));
        Assert.True(robots.IsAllowed("ThirdBot", "/shared/page"));
    }

    [Fact]
    public void Groups_for_the_same_agent_are_merged()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: NewsIngest
            Disallow: /a

            User-agent: Other
            Disallow: /

            User-agent: NewsIngest
            Disallow: /b
            """);

        Assert.False(robots.IsAllowed(Agent, "/a"));
        Assert.False(robots.IsAllowed(Agent, "/b"));
        Assert.True(robots.IsAllowed(Agent, "/c"));
    }

    [Fact]
    public void Without_a_matching_group_or_star_everything_is_allowed()
    {
        var robots = RobotsTxt.Parse("User-agent: OtherBot\nDisallow: /\n");

        Assert.True(robots.IsAllowed(Agent, "/anything"));
    }

    [Fact]
    public void The_longest_match_wins_in_either_direction()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /news
            Allow: /news/public
            Disallow: /news/public/drafts
            """);

        Assert.False(robots.IsAllowed(Agent, "/news/today"));
        Assert.True(robots.IsAllowed(Agent, "/news/public/story"));
        Assert.False(robots.IsAllowed(Agent, "/news/public/drafts/1"));
    }

    [Fact]
    public void Allow_wins_a_tie_of_equal_length()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /page
            Allow: /page
            """);

        Assert.True(robots.IsAllowed(Agent, "/page"));
    }

    [Theory]
    [InlineData("/fish*.php", "/fish.php", false)]
    [InlineData("/fish*.php", "/fishheads/catfish.php?parameters", false)]
    [InlineData("/fish*.php", "/Fish.PHP", true)]
    [InlineData("/*.pdf$", "/docs/report.pdf", false)]
    [InlineData("/*.pdf$", "/docs/report.pdf?download=1", true)]
    [InlineData("/*.pdf$", "/docs/report.pdfx", true)]
    [InlineData("/exact$", "/exact", false)]
    [InlineData("/exact$", "/exact/more", true)]
    [InlineData("/*/comments", "/2024/story/comments?page=2", false)]
    [InlineData("*", "/anything", false)]
    public void Wildcards_and_end_anchors_match_like_rfc_9309(string disallow, string path, bool allowed)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {disallow}\n");

        Assert.Equal(allowed, robots.IsAllowed(Agent, path));
    }

    [Theory]
    [InlineData("/%7Euser", "/~user/page")]
    [InlineData("/~user", "/%7euser/page")]
    [InlineData("/caf%c3%a9", "/café")]
    [InlineData("/café", "/caf%C3%A9/menu")]
    [InlineData("/a%2fb", "/a%2Fb")]
    public void Percent_encoding_is_normalised_on_both_sides(string disallow, string path)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {disallow}\n");

        Assert.False(robots.IsAllowed(Agent, path));
    }

    [Fact]
    public void An_encoded_slash_is_not_a_path_separator()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a/b\n");

        Assert.True(robots.IsAllowed(Agent, "/a%2Fb"));
    }

    [Fact]
    public void An_empty_disallow_allows_everything_and_robots_txt_itself_is_always_allowed()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n").IsAllowed(Agent, "/x"));
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow: /\n").IsAllowed(Agent, "/robots.txt"));
    }

    [Fact]
    public void The_query_string_is_part_of_the_matched_path()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /search?q=\n");

        Assert.False(robots.IsAllowed(Agent, "/search?q=election"));
        Assert.True(robots.IsAllowed(Agent, "/search/help"));
    }

    [Fact]
    public void Crawl_delay_is_read_per_group_in_seconds_with_decimals()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Crawl-delay: 10

            User-agent: NewsIngest
            Crawl-delay: 2.5
            """);

        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.GetCrawlDelay(Agent));
        Assert.Equal(TimeSpan.FromSeconds(10), robots.GetCrawlDelay("OtherBot"));
        Assert.Null(RobotsTxt.Parse("User-agent: *\nCrawl-delay: soon\n").GetCrawlDelay(Agent));
    }

    [Fact]
    public void Sitemap_lines_are_collected_from_anywhere_without_closing_a_group()
    {
        var robots = RobotsTxt.Parse(
            """
            Sitemap: https://news.example/sitemap.xml
            User-agent: *
            Sitemap: /news-sitemap.xml
            Disallow: /private
            Sitemap: https://news.example/sitemap.xml
            sitemap: ftp://news.example/not-http.xml
            """,
            new Uri("https://news.example/robots.txt"));

        Assert.Equal(
            [new Uri("https://news.example/sitemap.xml"), new Uri("https://news.example/news-sitemap.xml")],
            robots.Sitemaps);
        Assert.False(robots.IsAllowed(Agent, "/private/x"));
    }

    [Fact]
    public void Malformed_lines_comments_a_bom_and_rules_before_any_group_are_ignored()
    {
        var robots = RobotsTxt.Parse(
            "\uFEFFDisallow: /orphan\r\n" +
            "this line has no colon\r\n" +
            ": no key\r\n" +
            "User-agent: * # everyone\r\n" +
            "Disallow: /private # keep out\r\n" +
            "Unknown-directive: whatever\r\n" +
            "Disallow /missing-colon\r\n");

        Assert.True(robots.IsAllowed(Agent, "/orphan"));
        Assert.False(robots.IsAllowed(Agent, "/private"));
        Assert.True(robots.IsAllowed(Agent, "/missing-colon"));
    }

    [Fact]
    public void Allow_all_and_disallow_all_say_what_they_are()
    {
        Assert.True(RobotsTxt.AllowAll.IsAllowed(Agent, "/x"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(Agent, "/x"));
    }

    [Fact]
    public void Pathological_patterns_finish_quickly()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: /{pattern}\n");
        var path = "/" + new string('a', 5000);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(robots.IsAllowed(Agent, path));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }
}
