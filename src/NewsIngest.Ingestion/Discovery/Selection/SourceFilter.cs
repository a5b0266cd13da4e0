using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NewsIngest.Ingestion.Discovery.Selection;

/// <summary>
/// A source's include/exclude URL patterns: a URL passes when it matches any include pattern (or none are given)
/// and no exclude pattern. Patterns are compiled once per process with a match timeout; a pattern that times out
/// on a URL counts against the URL (fail closed).
/// </summary>
public sealed class SourceFilter
{
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Regex> Compiled = new();

    private readonly IReadOnlyList<Regex> _include;
    private readonly IReadOnlyList<Regex> _exclude;

    private SourceFilter(IReadOnlyList<Regex> include, IReadOnlyList<Regex> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <summary>A filter that lets everything through.</summary>
    public static SourceFilter All { get; } = new([], []);

    /// <summary>Number of URLs rejected because a pattern timed out.</summary>
    public int TimedOut { get; private set; }

    /// <summary>Builds the filter; <paramref name="error"/> names the first invalid pattern.</summary>
    public static SourceFilter? TryCreate(
        IEnumerable<string> include,
        IEnumerable<string> exclude,
        TimeSpan timeout,
        out string? error)
    {
        error = null;
        try
        {
            return new SourceFilter(
                include.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Compile(p, timeout)).ToList(),
                exclude.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Compile(p, timeout)).ToList());
        }
        catch (RegexParseException ex)
        {
            error = $"invalid URL pattern: {ex.Message.ReplaceLineEndings(" ")}";
            return null;
        }
    }

    /// <summary>True when <paramref name="url"/> is selected.</summary>
    public bool Allows(string url)
    {
        try
        {
            return (_include.Count == 0 || _include.Any(r => r.IsMatch(url))) && !_exclude.Any(r => r.IsMatch(url));
        }
        catch (RegexMatchTimeoutException)
        {
            TimedOut++;
            return false;
        }
    }

    private static Regex Compile(string pattern, TimeSpan timeout) =>
        Compiled.GetOrAdd((pattern, timeout), static key => new Regex(
            key.Pattern,
            RegexOptions.Compiled | RegexOptions.CultureInvariant,
            key.Timeout));
}
