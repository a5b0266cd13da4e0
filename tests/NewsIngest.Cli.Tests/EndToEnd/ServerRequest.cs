namespace NewsIngest.Cli.Tests.EndToEnd;

/// <summary>One request as <see cref="NewsServer"/> saw it: path, query, the validators it carried, the status sent.</summary>
internal sealed record ServerRequest(string Path, string Query, string IfNoneMatch, string IfModifiedSince, int Status)
{
    /// <summary>True when the request was conditional (If-None-Match or If-Modified-Since).</summary>
    public bool IsConditional => IfNoneMatch.Length > 0 || IfModifiedSince.Length > 0;
}
