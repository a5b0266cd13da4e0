using System.Text.Json.Serialization;
using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// A URL's state as <c>show --json</c> prints it (and <c>failures --json</c>, in part). <see cref="LastError"/> is the
/// reason of the last failure, kept after a later success; <see cref="Failing"/> says whether the last fetch failed.
/// </summary>
public sealed record UrlView(
    string Url,
    string? Source,
    string? CanonicalUrl,
    string? LastStatus,
    bool Failing,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastFetchedAt,
    int Attempts,
    int Version,
    [property: JsonPropertyName("etag")] string? ETag,
    DateTimeOffset? LastModified,
    string? ContentHash,
    string? RecordId)
{
    public static UrlView Of(UrlState state) => new(
        state.Url, state.Source, state.CanonicalUrl, state.LastStatus, UrlStatuses.IsFailure(state.LastStatus), state.LastError,
        state.LastErrorAt, state.LastFetchedAt, state.Attempts, state.Version, state.ETag, state.LastModified, state.ContentHash,
        state.RecordId);
}
