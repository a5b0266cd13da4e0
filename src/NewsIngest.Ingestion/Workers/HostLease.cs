namespace NewsIngest.Ingestion.Workers;

/// <summary>A host lease as it was claimed: the host, the epoch it was claimed under, and when its next slot is.</summary>
/// <param name="Host">The host queue (URL authority).</param>
/// <param name="Epoch">The lease epoch: every fenced write of the host checks it.</param>
/// <param name="SlotIn">How long until the host's next request slot, on the database clock (zero: now).</param>
public sealed record HostLease(string Host, long Epoch, TimeSpan SlotIn);
