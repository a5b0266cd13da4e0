namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// The queued pages of one host taken out of the frontier because the host's next allowed start lies beyond the
/// longest a pass waits for a host (<c>Pass:MaxHostWait</c>): they are left for the next pass.
/// </summary>
/// <param name="Host">The host queue (URL authority).</param>
/// <param name="Until">The host's next allowed start.</param>
/// <param name="Items">Its pages, none started.</param>
public sealed record FrontierDeferral(string Host, DateTimeOffset Until, IReadOnlyList<FrontierItem> Items);
