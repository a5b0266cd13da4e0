namespace NewsIngest.Ingestion.Fetching;

/// <summary>One request without following redirects: its result, or where a 3xx points.</summary>
internal sealed record HopResult(FetchResult Result, Uri? RedirectTo = null);
