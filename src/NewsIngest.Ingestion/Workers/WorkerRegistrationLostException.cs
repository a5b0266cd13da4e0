namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// This worker's registration is no longer its own: it was presumed dead (not renewed within <c>Worker:LeaseTtl</c>,
/// e.g. paused) and adopted by another worker, or registered again by another process with the same id. The worker
/// must write nothing more: its files and pending writes are the adopter's now.
/// </summary>
public sealed class WorkerRegistrationLostException(string workerId)
    : Exception($"worker {workerId} was presumed dead and taken over by another worker (not renewed within Worker:LeaseTtl: paused or cut off?); it stops so its files are not written twice")
{
    /// <summary>The worker whose registration was lost.</summary>
    public string WorkerId { get; } = workerId;
}
