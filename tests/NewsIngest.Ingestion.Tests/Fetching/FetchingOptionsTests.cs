using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Politeness;

namespace NewsIngest.Ingestion.Tests.Fetching;

public class FetchingOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddNewsIngestFetching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void The_documented_defaults_apply_when_nothing_is_configured()
    {
        using var provider = Build([]);

        var http = provider.GetRequiredService<IOptions<HttpOptions>>().Value;
        var politeness = provider.GetRequiredService<IOptions<PolitenessOptions>>().Value;

        Assert.Equal("NewsIngest/1.0 (+https://github.com/newsingest)", http.UserAgent);
        Assert.False(http.AllowPrivateNetworks);
        Assert.Equal(5 * 1024 * 1024, http.MaxBodyBytes);
        Assert.Equal(20L * 1024 * 1024, http.MaxBytesInFlight);
        Assert.Equal(TimeSpan.FromSeconds(10), http.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), http.TotalTimeout);
        Assert.Equal(3, http.MaxRetries);
        Assert.Equal(5, http.MaxRedirects);
        Assert.Equal(TimeSpan.FromSeconds(1), politeness.MinDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), politeness.MaxCrawlDelay);
        Assert.Equal(TimeSpan.FromHours(24), politeness.RobotsCacheTtl);
        Assert.True(politeness.ObeyRobots);
        Assert.Same(provider.GetRequiredService<HttpPageFetcher>(), provider.GetRequiredService<IPageFetcher>());
    }

    [Theory]
    [InlineData("NewsIngest:Http:UserAgent", "", "UserAgent")]
    [InlineData("NewsIngest:Http:MaxRetries", "50", "MaxRetries")]
    [InlineData("NewsIngest:Http:MaxBodyBytes", "10", "MaxBodyBytes")]
    [InlineData("NewsIngest:Http:MaxBytesInFlight", "1048576", "MaxBytesInFlight")]
    [InlineData("NewsIngest:Http:AttemptTimeout", "00:05:00", "AttemptTimeout")]
    [InlineData("NewsIngest:Politeness:MinDelay", "02:00:00", "MinDelay")]
    [InlineData("NewsIngest:Politeness:RobotsProductToken", "bad token/1.0", "RobotsProductToken")]
    public void A_bad_setting_is_rejected_with_a_message_naming_it(string key, string value, string member)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPageFetcher>());

        Assert.Contains(member, error.Message);
    }

    [Fact]
    public async Task A_host_with_a_bad_setting_fails_at_start_before_any_request()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["NewsIngest:Http:MaxRedirects"] = "-1" });
        builder.Services.AddNewsIngestFetching(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MaxRedirects", error.Message);
    }
}
