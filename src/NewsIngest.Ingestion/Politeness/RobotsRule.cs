namespace NewsIngest.Ingestion.Politeness;

/// <summary>One Allow or Disallow line of a robots.txt group; <see cref="Pattern"/> is percent-normalized.</summary>
internal sealed record RobotsRule(bool Allow, string Pattern)
{
    /// <summary>RFC 9309 §2.2.2: the most specific match is the one with the most octets.</summary>
    public int Specificity => Pattern.Length;
}
