using System.Globalization;
using System.Text;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// Puts an article URL in one canonical form so the same article reached through several feeds, sitemaps or
/// sources is recognised: lower-case scheme and host, IDN host as punycode, default port dropped, fragment dropped,
/// tracking parameters dropped, remaining query parameters sorted, percent-encoding normalized (unreserved
/// characters decoded, other escapes upper-case). Path case and trailing slashes are kept: servers differ on them.
/// </summary>
public static class UrlCanonicalizer
{
    // Parameters that only say where a click came from; they never select content.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "mc_cid", "mc_eid", "igshid", "igsh", "ref_src", "ref_url", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "oly_anon_id", "oly_enc_id", "vero_id", "wickedid", "s_cid", "cmpid", "ncid", "sr_share", "at_medium",
        "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
    };

    /// <summary>The canonical form of <paramref name="url"/>. Non-http(s) and relative URLs come back unchanged.</summary>
    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return url;
        }

        var builder = new StringBuilder(url.OriginalString.Length);
        builder.Append(url.Scheme).Append("://");
        // IdnHost is the punycode form of an internationalized host; it drops IPv6 brackets, Host keeps them.
        builder.Append((url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost).ToLowerInvariant());
        if (!url.IsDefaultPort)
        {
            builder.Append(':').Append(url.Port.ToString(CultureInfo.InvariantCulture));
        }

        var path = NormalizeEncoding(url.AbsolutePath, isQuery: false);
        builder.Append(path.Length == 0 ? "/" : path);
        var query = CanonicalQuery(url.Query);
        if (query.Length > 0)
        {
            builder.Append('?').Append(query);
        }

        return new Uri(builder.ToString());
    }

    /// <summary>
    /// Reads <paramref name="text"/> as an absolute http(s) URL, resolved against <paramref name="baseUrl"/> when
    /// relative, and canonicalizes it; null when it is not one.
    /// </summary>
    public static Uri? TryCanonicalize(string? text, Uri? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4096)
        {
            return null;
        }

        var trimmed = text.Trim();
        Uri? url;
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
        {
            // "/path" parses as an absolute file: URI on Unix; resolve it against the base instead.
            if (baseUrl is null || !Uri.TryCreate(baseUrl, trimmed, out url))
            {
                return null;
            }
        }

        return url.Scheme is "http" or "https" && url.Host.Length > 0 ? Canonicalize(url) : null;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<(string Key, string Value)>();
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = NormalizeEncoding(eq < 0 ? pair : pair[..eq], isQuery: true);
            var value = eq < 0 ? null : NormalizeEncoding(pair[(eq + 1)..], isQuery: true);
            if (key.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(key))
            {
                continue;
            }

            kept.Add((key, value is null ? key : key + "=" + value));
        }

        // Sort by key, then by the whole pair, so repeated keys keep a stable order.
        kept.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', kept.Select(k => k.Value));
    }

    private static string NormalizeEncoding(string component, bool isQuery)
    {
        var builder = new StringBuilder(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && IsHex(component[i + 1]) && IsHex(component[i + 2]))
            {
                var b = (char)Convert.ToByte(component.Substring(i + 1, 2), 16);
                if (IsUnreserved(b))
                {
                    builder.Append(b);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(component[i + 1])).Append(char.ToUpperInvariant(component[i + 2]));
                }

                i += 2;
            }
            else if (IsUnreserved(c) || "!$&'()*+,;=:@/".Contains(c, StringComparison.Ordinal) || (isQuery && c == '?'))
            {
                builder.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
