namespace NewsIngest.Extraction.Similarity;

/// <summary>
/// The site a URL belongs to, for telling a syndicated copy from one site's second address: the host in lower case
/// without a leading <c>www.</c>, <c>m.</c>, <c>amp.</c> or <c>mobile.</c> (so an AMP or mobile copy is the same site),
/// with its port when not the scheme's default (two servers of one machine are two sites).
/// </summary>
public static class SiteKey
{
    private static readonly string[] Prefixes = ["www.", "m.", "amp.", "mobile."];

    public static string? Of(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return url is null ? null : "";
        }

        var host = uri.IdnHost.ToLowerInvariant();
        foreach (var prefix in Prefixes)
        {
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.Length > prefix.Length)
            {
                host = host[prefix.Length..];
                break;
            }
        }

        return uri.IsDefaultPort ? host : $"{host}:{uri.Port}";
    }
}
