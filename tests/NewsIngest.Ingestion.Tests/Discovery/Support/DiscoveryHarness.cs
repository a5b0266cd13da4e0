using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsIngest.Ingestion.Discovery;
using NewsIngest.Ingestion.Discovery.Caching;

namespace NewsIngest.Ingestion.Tests.Discovery.Support;

/// <summary>A <see cref="SourceDiscoverer"/> wired to a loopback fetcher, an in-memory cache and a fake clock.</summary>
internal sealed class DiscoveryHarness : IDisposable
{
    public DiscoveryHarness(DiscoveryOptions? options = null, IDiscoveryCache? cache = null)
    {
        Cache = cache ?? new InMemoryDiscoveryCache();
        Discoverer = new SourceDiscoverer(Fetcher, Cache, Options.Create(options ?? new DiscoveryOptions()), Time, NullLogger<SourceDiscoverer>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(NewsSite.Now);

    public LoopbackPageFetcher Fetcher { get; } = new();

    public IDiscoveryCache Cache { get; }

    public SourceDiscoverer Discoverer { get; }

    public void Dispose() => Fetcher.Dispose();
}
