namespace NewsIngest.Ingestion.Passes;

/// <summary>A host whose pages a pass deferred to the next one.</summary>
/// <param name="Host">The host (URL authority).</param>
/// <param name="Until">Its next allowed start (the end of its cooldown), the latest seen in the pass.</param>
/// <param name="Pages">Its pages deferred.</param>
public sealed record HostDeferral(string Host, DateTimeOffset Until, int Pages);
