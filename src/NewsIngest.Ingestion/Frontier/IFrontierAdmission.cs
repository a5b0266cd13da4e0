namespace NewsIngest.Ingestion.Frontier;

/// <summary>
/// What the frontier asks before it takes the next page: room for it (the fetcher's budget of response bytes
/// buffered at once, <c>Http:MaxBytesInFlight</c>). The frontier waits here before it looks for a host, so a page
/// waiting for room has taken no host's turn and holds none.
/// </summary>
public interface IFrontierAdmission
{
    /// <summary>Waits until one more page may run; the ticket is held until the page has ended.</summary>
    ValueTask<IAdmissionTicket> AdmitAsync(CancellationToken cancellationToken);
}
