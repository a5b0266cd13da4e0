namespace NewsIngest.Cli.Commands;

/// <summary>A page's raw bytes, the address it was read from and the charset its server declared.</summary>
public sealed record RawPage(byte[] Bytes, Uri? Url, string? Charset);
