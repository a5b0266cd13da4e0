using System.Text.Json.Serialization;

namespace NewsIngest.Ingestion.Discovery.Caching;

/// <summary>Source-generated JSON for the cache's list columns (no reflection, trimming-safe).</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<DiscoveredUrl>))]
internal sealed partial class DiscoveryCacheJson : JsonSerializerContext;
