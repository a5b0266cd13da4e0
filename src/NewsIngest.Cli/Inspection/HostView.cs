using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// One host as <c>status</c> shows it, from the state of its URLs and of the host: URLs and failing URLs; the failure streak, i.e. how many of its most recently fetched URLs failed
/// in a row; robots: <c>unavailable</c> when its last fetch found robots.txt unavailable, <c>denies N</c> when N of its
/// URLs are disallowed, else <c>ok</c> (<c>n/a</c> for local files); its last fetch and last failure reason; until
/// when it is cooling down after a 429/503 (null when it is not, as of <c>now</c>), and its URLs deferred to the next
/// pass.
/// </summary>
public sealed record HostView(
    string Host, int Urls, int Failing, int FailureStreak, string Robots, DateTimeOffset? LastFetchedAt, string? LastError,
    DateTimeOffset? CooldownUntil = null, int Deferred = 0)
{
    /// <summary>The local files of <c>file:</c> sources, as one "host".</summary>
    public const string Files = "(local files)";

    /// <summary>
    /// The hosts of <paramref name="urls"/>, which come most recently fetched first, and of <paramref name="hosts"/>
    /// (the kept host state), by name; cooldowns that ended before <paramref name="now"/> are left out.
    /// </summary>
    public static IReadOnlyList<HostView> Of(IReadOnlyList<UrlState> urls, IReadOnlyList<HostRecord>? hosts = null, DateTimeOffset? now = null)
    {
        var cooling = (hosts ?? [])
            .Where(h => h.CooldownUntil is { } until && (now is null || until > now))
            .ToDictionary(h => h.Host, h => h.CooldownUntil, StringComparer.OrdinalIgnoreCase);
        var views = urls.GroupBy(HostOf, StringComparer.OrdinalIgnoreCase)
            .Select(host => From(host.Key, [.. host]) with { CooldownUntil = cooling.GetValueOrDefault(host.Key) })
            .ToList();
        views.AddRange(cooling.Keys.Where(host => !views.Any(v => string.Equals(v.Host, host, StringComparison.OrdinalIgnoreCase)))
            .Select(host => new HostView(host, 0, 0, 0, "ok", null, null, cooling[host])));
        return [.. views.OrderBy(h => h.Host, StringComparer.Ordinal)];
    }

    private static HostView From(string host, List<UrlState> urls)
    {
        var fetched = urls.Where(u => u.LastFetchedAt is not null).ToList();
        var streak = fetched.TakeWhile(u => UrlStatuses.IsFailure(u.LastStatus)).Count();
        var denied = urls.Count(u => u.LastStatus == UrlStatuses.RobotsDenied);
        var robots = host == Files ? "n/a"
            : fetched.FirstOrDefault()?.LastStatus == UrlStatuses.RobotsUnavailable ? "unavailable"
            : denied > 0 ? $"denies {denied}"
            : "ok";
        var lastFailure = urls.Where(u => UrlStatuses.IsFailure(u.LastStatus)).MaxBy(u => u.LastErrorAt ?? u.LastFetchedAt);
        return new HostView(
            host, urls.Count, urls.Count(u => UrlStatuses.IsFailure(u.LastStatus)), streak, robots,
            fetched.FirstOrDefault()?.LastFetchedAt, lastFailure?.LastError, Deferred: urls.Count(u => u.LastStatus == UrlStatuses.Deferred));
    }

    private static string HostOf(UrlState url) =>
        Uri.TryCreate(url.Url, UriKind.Absolute, out var uri) ? uri.IsFile ? Files : uri.Authority : url.Url;
}
