namespace NewsIngest.Ingestion.Discovery;

/// <summary>The URLs discovered for a source, and one-line problems met on the way (dead feed, malformed sitemap).</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredUrl> Urls, IReadOnlyList<string> Problems)
{
    public static DiscoveryResult Empty { get; } = new([], []);
}
