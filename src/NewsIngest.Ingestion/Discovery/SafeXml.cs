using System.IO.Compression;
using System.Xml;

namespace NewsIngest.Ingestion.Discovery;

/// <summary>
/// XML reading for untrusted feeds and sitemaps: no DTD processing (an internal subset is skipped, so an entity
/// expansion attack ends at its first undeclared reference), no resolver, a document character cap, and gzip
/// bodies inflated through a byte cap.
/// </summary>
internal static class SafeXml
{
    /// <summary>Reader settings bounded to <paramref name="maxCharacters"/>.</summary>
    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        // Ignore rather than Prohibit: RSS 0.91 feeds still carry the Netscape DOCTYPE. No entity is ever declared,
        // so a billion-laughs reference fails fast as "undeclared entity".
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        // 0 would mean "no limit" in .NET; no entities are declared anyway, keep a small limit as a second guard.
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        CloseInput = true,
    };

    /// <summary>True when <paramref name="body"/> starts with the gzip magic bytes.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> body) => body.Length >= 2 && body[0] == 0x1f && body[1] == 0x8b;

    /// <summary>
    /// A stream over the body, inflated when gzipped; reading past <paramref name="maxBytes"/> decompressed bytes
    /// throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static Stream Open(byte[] body, long maxBytes)
    {
        var raw = new MemoryStream(body, writable: false);
        return IsGzip(body)
            ? new CappedReadStream(new GZipStream(raw, CompressionMode.Decompress), maxBytes)
            : raw;
    }
}
