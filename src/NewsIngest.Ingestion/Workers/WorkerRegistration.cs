namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// A worker's row in <c>workers</c> as this process holds it: its id and the epoch it registered (or adopted) under.
/// Every write that must be this worker's alone checks the epoch; a changed epoch means the row was taken over.
/// </summary>
/// <param name="Id">The worker id (<c>Worker:Id</c>).</param>
/// <param name="Epoch">The registration's epoch.</param>
public sealed record WorkerRegistration(string Id, long Epoch);
