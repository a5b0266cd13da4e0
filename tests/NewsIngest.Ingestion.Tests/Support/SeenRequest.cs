namespace NewsIngest.Ingestion.Tests.Support;

/// <summary>One request as the loopback server saw it.</summary>
/// <param name="PathAndQuery">The request path and query.</param>
/// <param name="Headers">The request headers (name → joined values), case-insensitive.</param>
/// <param name="At">When it arrived, on the server's monotonic clock.</param>
public sealed record SeenRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, TimeSpan At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
