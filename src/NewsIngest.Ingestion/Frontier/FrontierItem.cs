using NewsIngest.Ingestion.Discovery;

namespace NewsIngest.Ingestion.Frontier;

/// <summary>One page waiting in the frontier.</summary>
/// <param name="Source">The configured source that found it (the record's <c>source</c>).</param>
/// <param name="Page">The page and what discovery said about it.</param>
/// <param name="Key">The page's identity in the pass (its canonical URL): a page found twice is queued once.</param>
/// <param name="Host">The queue it waits in: the URL authority (host and non-default port), <c>file:</c> for files.</param>
public sealed record FrontierItem(string Source, DiscoveredUrl Page, string Key, string Host);
