using Microsoft.Extensions.Configuration;
using NewsIngest.Ingestion.Configuration.Checking;

namespace NewsIngest.Ingestion.Tests.Configuration;

/// <summary>
/// <c>Pass:MaxHostWait</c> shorter than a host's normal spacing would defer every paced host after its first page as
/// if it were cooling down: the configuration is refused at start with one line naming the key.
/// </summary>
public sealed class HostWaitCheckTests
{
    [Theory]
    [InlineData("00:00:00", null, null, "NewsIngest:Pass:MaxHostWait: 00:00:00 is shorter than Politeness:MaxCrawlDelay (00:00:30)")]
    [InlineData("00:00:20", null, null, "NewsIngest:Pass:MaxHostWait: 00:00:20 is shorter than Politeness:MaxCrawlDelay (00:00:30)")]
    [InlineData("00:00:20", "00:00:45", "00:00:10", "NewsIngest:Pass:MaxHostWait: 00:00:20 is shorter than Politeness:MinDelay (00:00:45)")]
    public void A_wait_shorter_than_the_spacing_is_refused(string wait, string? minDelay, string? maxCrawlDelay, string expected)
    {
        var failure = Assert.Single(ConfigurationChecker.Check(Configuration(wait, minDelay, maxCrawlDelay)));

        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("00:00:30", null, null)]
    [InlineData("00:00:20", "00:00:01", "00:00:10")]
    public void A_wait_at_least_the_spacing_is_accepted(string? wait, string? minDelay, string? maxCrawlDelay) =>
        Assert.Empty(ConfigurationChecker.Check(Configuration(wait, minDelay, maxCrawlDelay)));

    private static IConfiguration Configuration(string? wait, string? minDelay, string? maxCrawlDelay)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsIngest:Sources:0:Name"] = "wire",
            ["NewsIngest:Sources:0:Urls:0"] = "https://news.test/a",
        };
        Add("NewsIngest:Pass:MaxHostWait", wait);
        Add("NewsIngest:Politeness:MinDelay", minDelay);
        Add("NewsIngest:Politeness:MaxCrawlDelay", maxCrawlDelay);
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                settings[key] = value;
            }
        }
    }
}
