namespace NewsIngest.Benchmarks.Pages;

/// <summary>One page ready to extract: decoded once at setup so decoding is never part of a measurement.</summary>
/// <param name="Name">The file (or case folder) the page came from.</param>
/// <param name="Html">The decoded HTML.</param>
/// <param name="Url">A stable, made-up address per page; it only seeds the record id and resolves relative links.</param>
/// <param name="Bytes">The page's size in bytes as stored, uncompressed and undecoded: what MB/s is counted in.</param>
internal sealed record BenchPage(string Name, string Html, Uri Url, long Bytes);
