namespace NewsIngest.Extraction.Text;

/// <summary>Page text with the charset used and where it came from (header, bom, meta, default, unknown-charset:X).</summary>
public sealed record DecodedPage(string Text, string Charset, string Source);
