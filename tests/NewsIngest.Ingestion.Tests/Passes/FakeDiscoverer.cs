using NewsIngest.Ingestion.Configuration;
using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Tests.Passes;

/// <summary>Finds the source's <see cref="SourceOptions.Urls"/> as they are, plus the given problems.</summary>
internal sealed class FakeDiscoverer(params string[] problems) : IArticleDiscoverer
{
    public Task<DiscoveryResult> DiscoverAsync(SourceOptions source, CancellationToken cancellationToken) =>
        Task.FromResult(new DiscoveryResult(source.Urls.Select(u => new DiscoveredUrl(new Uri(u))).ToList(), problems));
}
