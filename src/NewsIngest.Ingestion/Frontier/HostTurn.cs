namespace NewsIngest.Ingestion.Frontier;

/// <summary>When a host may be sent its next request, and how many of its requests may be open at once.</summary>
/// <param name="NotBefore">The host's next allowed start.</param>
/// <param name="Limit">Requests to the host in flight at once (at least 1).</param>
public readonly record struct HostTurn(DateTimeOffset NotBefore, int Limit);
