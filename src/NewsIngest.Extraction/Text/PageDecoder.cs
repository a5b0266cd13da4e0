using System.Text;
using System.Text.RegularExpressions;

namespace NewsIngest.Extraction.Text;

/// <summary>
/// Decodes page bytes to text: charset from the HTTP header, then the byte-order mark, then a
/// <c>&lt;meta charset&gt;</c> in the first 4 KiB, else UTF-8. An unknown charset falls back to UTF-8.
/// </summary>
public static partial class PageDecoder
{
    private const int MetaSniffBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="headerCharset"/> is the Content-Type charset, if any.</summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? headerCharset = null)
    {
        if (Lookup(headerCharset) is { } fromHeader)
        {
            return new DecodedPage(Strip(fromHeader.GetString(bytes)), fromHeader.WebName, "header");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedPage(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedPage(Encoding.Unicode.GetString(bytes[2..]), "utf-16", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedPage(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaSniffBytes)]);
        var match = MetaCharset().Match(head);
        if (match.Success)
        {
            var declared = match.Groups["cs"].Value;
            if (Lookup(declared) is { } fromMeta)
            {
                // A page that declares UTF-16 in ASCII markup is really ASCII-compatible (HTML spec).
                var encoding = fromMeta.CodePage is 1200 or 1201 ? Encoding.UTF8 : fromMeta;
                return new DecodedPage(encoding.GetString(bytes), encoding.WebName, "meta");
            }

            return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", $"unknown-charset:{declared}");
        }

        return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", "default");
    }

    private static string Strip(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex MetaCharset();
}
