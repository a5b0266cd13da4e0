using System.Text;
using AngleSharp.Text;

namespace NewsIngest.Extraction.Text;

/// <summary>
/// Decodes page bytes to text as the WHATWG Encoding standard and every browser do: a byte-order mark first, then the
/// HTTP charset, then a <c>&lt;meta charset&gt;</c> in the first 4 KiB, else UTF-8. Labels map to encodings by the
/// standard's table (AngleSharp's): <c>iso-8859-1</c>, <c>latin1</c> and <c>us-ascii</c> are windows-1252,
/// <c>gb2312</c> is GB18030. A meta label on bytes that are valid UTF-8 (and not plain ASCII) yields UTF-8: the
/// declaration is a leftover of a migrated template, the bytes are not. An unknown label is ignored.
/// </summary>
public static class PageDecoder
{
    private const int MetaSniffBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="headerCharset"/> is the Content-Type charset, if any.</summary>
    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? headerCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedPage(Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedPage(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedPage(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");
        }

        if (Lookup(headerCharset) is { } fromHeader)
        {
            return new DecodedPage(fromHeader.GetString(bytes), fromHeader.WebName, "header");
        }

        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaSniffBytes)]);
        if (MetaCharsetScanner.Find(head) is not { } declared)
        {
            return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", "default");
        }

        if (Lookup(declared) is not { } fromMeta)
        {
            return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", $"unknown-charset:{declared}");
        }

        // A page that declares UTF-16 in ASCII markup is really ASCII-compatible (HTML spec).
        var encoding = TextEncoding.IsUnicode(fromMeta) ? Encoding.UTF8 : fromMeta;
        if (encoding.CodePage != Encoding.UTF8.CodePage && IsNonAsciiUtf8(bytes))
        {
            return new DecodedPage(Encoding.UTF8.GetString(bytes), "utf-8", $"utf-8-over-meta:{declared}");
        }

        return new DecodedPage(encoding.GetString(bytes), encoding.WebName, "meta");
    }

    /// <summary>The encoding a label names under the WHATWG table; null for no label or an unknown one.</summary>
    private static Encoding? Lookup(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').Trim();
        return string.IsNullOrEmpty(name) || !TextEncoding.IsSupported(name) ? null : TextEncoding.Resolve(name);
    }

    /// <summary>
    /// True when the bytes hold multi-byte UTF-8 sequences and nothing else invalid; a sequence cut at the end (a body
    /// cut at the byte cap) does not count against it.
    /// </summary>
    private static bool IsNonAsciiUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0)
        {
            return false;
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        // Drop a trailing partial sequence: up to 3 bytes that start a sequence but do not finish it.
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
        {
            if (bytes[^cut] >= 0xC0)
            {
                return System.Text.Unicode.Utf8.IsValid(bytes[..^cut]);
            }

            if (bytes[^cut] < 0x80)
            {
                break;
            }
        }

        return false;
    }
}
