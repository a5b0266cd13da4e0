namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// Tells a discovery warning from a discovery problem. A warning is about items of a resource that was read (a feed item
/// or sitemap entry without a usable link, an unreadable date, a cap reached): the source was read, the pass exits 0. A
/// problem is a resource or source that could not be read at all (dead or malformed feed, no home page): exit 1. Both
/// are one line in the pass's problems (<c>passes.problems</c>, status); a warning's line carries the marker
/// <c>warning: </c> in front of its text.
/// </summary>
public static class DiscoveryWarning
{
    private const string Marker = "warning: ";

    /// <summary>The line reporting <paramref name="text"/> as a warning.</summary>
    public static string Of(string text) => Marker + text;

    /// <summary>True when <paramref name="line"/> (a discoverer's line, or the pass's "source: line") is a warning.</summary>
    public static bool Is(string line) =>
        line.StartsWith(Marker, StringComparison.Ordinal) || line.Contains(": " + Marker, StringComparison.Ordinal);

    /// <summary>The pass's "source: warning: text" as "source: text", for a reader that shows warnings apart.</summary>
    public static string Unmarked(string line) => line.Replace(Marker, "", StringComparison.Ordinal);
}
