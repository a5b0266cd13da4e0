using NewsIngest.Ingestion.State;

namespace NewsIngest.Cli.Inspection;

/// <summary>
/// One failing URL as <c>failures --json</c> prints it: its status (<c>http-404</c>, <c>timeout</c>…), the reason,
/// when it failed last and the attempts since its last success.
/// </summary>
public sealed record FailureView(string Url, string? Source, string Status, string? Reason, DateTimeOffset? At, int Attempts)
{
    public static FailureView Of(UrlState state) =>
        new(state.Url, state.Source, state.LastStatus ?? "", state.LastError, state.LastErrorAt ?? state.LastFetchedAt, state.Attempts);
}
