namespace NewsIngest.Ingestion.State;

/// <summary>Where the last raw body of a URL is archived, and what is needed to extract it again.</summary>
public sealed record ArchiveEntry
{
    /// <summary>The URL (state key).</summary>
    public required string Url { get; init; }

    /// <summary>The source the URL belongs to.</summary>
    public required string Source { get; init; }

    /// <summary>The gzip file holding the body.</summary>
    public required string Path { get; init; }

    /// <summary>The URL after redirects, used as the page address when extracting again.</summary>
    public string? FinalUrl { get; init; }

    public string? Charset { get; init; }

    public int? HttpStatus { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }
}
