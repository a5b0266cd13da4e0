namespace NewsIngest.Ingestion.State;

/// <summary>The order of <c>failures</c>, the same for every provider: most recent failure (or deferral) first, then by URL.</summary>
internal static class FailingOrder
{
    public static IReadOnlyList<UrlState> Apply(IEnumerable<UrlState> failing, DateTimeOffset? since) =>
        failing
            .Select(u => (State: u, At: u.LastErrorAt ?? u.LastFetchedAt))
            .Where(f => since is null || f.At >= since)
            .OrderByDescending(f => f.At)
            .ThenBy(f => f.State.Url, StringComparer.Ordinal)
            .Select(f => f.State)
            .ToList();
}
