using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;
using NewsIngest.Ingestion.Fetching;
using NewsIngest.Ingestion.Tests.Discovery.Support;

namespace NewsIngest.Ingestion.Tests.Discovery;

public sealed class DiscoveryRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IPageFetcher, LoopbackPageFetcher>();
        services.AddNewsIngestDiscovery();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Binds_options_from_configuration_and_resolves_the_discoverer_with_a_sqlite_cache()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsingest-reg-{Guid.NewGuid():N}.db");
        using var provider = Build(new()
        {
            ["NewsIngest:Discovery:SiteRefreshInterval"] = "06:00:00",
            ["NewsIngest:Discovery:CacheDatabasePath"] = path,
        });

        Assert.Equal(TimeSpan.FromHours(6), provider.GetRequiredService<IOptions<DiscoveryOptions>>().Value.SiteRefreshInterval);
        Assert.IsType<SqliteDiscoveryCache>(provider.GetRequiredService<IDiscoveryCache>());
        Assert.NotNull(provider.GetRequiredService<SourceDiscoverer>());
    }

    [Theory]
    [InlineData("NewsIngest:Discovery:MaxSitemapDepth", "0", "MaxSitemapDepth")]
    [InlineData("NewsIngest:Discovery:BackoffMax", "00:00:05", "BackoffMax")]
    [InlineData("NewsIngest:Discovery:SiteRefreshInterval", "00:00:01", "SiteRefreshInterval")]
    public void Rejects_bad_options_with_a_message_naming_the_key(string key, string value, string named)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscoveryOptions>>().Value);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
